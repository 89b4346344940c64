package io.creditflow.inspection;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-loan self-inspections: starting one, drawing its sample ({@link SampleDrawer}), recording checklists and
 * remediation, and the report.
 *
 * <p>The population is the active loans (ACTIVE, DELINQUENT, RESTRUCTURED) with their line's risk grade. Counting
 * them per grade is one GROUP BY; drawing reads the loan numbers of each grade in loan-number order (one narrow
 * column, streamed) and keeps the chosen positions, so no loan entity is loaded.
 */
@Service
public class InspectionService {

  public static final int MAX_SAMPLE_SIZE = 200;
  static final String ACTIVE = "l.status IN ('ACTIVE', 'DELINQUENT', 'RESTRUCTURED')";
  private static final Logger log = LoggerFactory.getLogger(InspectionService.class);

  /** The result of drawing: the inspection and how many loans are to be inspected (0: nothing to do). */
  public record Drawn(Inspection inspection, int sampleSize) {}

  /** What one checklist answered: result per item and comments. */
  public record ItemResult(boolean passed, String comment) {}

  /** The failed items of a recorded checklist and when their remediation is due. */
  public record Recorded(List<ChecklistItem> failed, LocalDate remediationDue) {}

  /** An inspection with its sample and findings. */
  public record Report(Inspection inspection, List<SampledLoan> sample, List<Finding> findings) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final InspectionProperties properties;
  private final Clock clock;
  private final SecureRandom seeds = new SecureRandom();

  InspectionService(JdbcTemplate jdbc, RuntimeService runtime, InspectionProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Starts an inspection of {@code sampleSize} loans (null: the configured size) drawn with {@code seed} (null: a
   * random one, recorded), as {@code user}.
   */
  @Transactional
  public Inspection start(Integer sampleSize, Long seed, String user) {
    int size = sampleSize == null ? properties.sampleSize() : sampleSize;
    if (size < 1 || size > MAX_SAMPLE_SIZE) {
      throw new InvalidRequestException(List.of(new FieldProblem("sampleSize",
          "must be between 1 and " + MAX_SAMPLE_SIZE + ".")));
    }
    Inspection inspection = create(size, seed, user);
    ProcessInstance instance = runtime.startProcessInstanceByMessage(PostLoanInspection.START_MESSAGE,
        inspection.id(), Map.of(PostLoanInspection.INSPECTION_ID, inspection.id(),
            PostLoanInspection.TRIGGERED_BY, user));
    jdbc.update("UPDATE cf_inspection SET process_instance_id = ? WHERE id = ?", instance.getId(), inspection.id());
    log.info("Inspection {} of {} loans started by {} (seed {}): instance {}", inspection.id(), size, user,
        inspection.seed(), instance.getId());
    return get(inspection.id());
  }

  private Inspection create(int size, Long seed, String triggeredBy) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO cf_inspection (id, status, seed, requested_size, triggered_by, started_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", id, Inspection.REQUESTED, seed == null ? seeds.nextLong() : seed, size,
        triggeredBy, utc(now()));
    return get(id);
  }

  /**
   * Draws the sample of {@code inspectionId}; a timer-started instance ({@code inspectionId} null) gets a new
   * inspection of the configured size first, or nothing when the quarterly timer is off. Drawing again returns the
   * sample already drawn (a retried job changes nothing).
   */
  @Transactional
  public Optional<Drawn> drawSample(String inspectionId, String processInstanceId) {
    if (inspectionId == null) {
      if (!properties.quarterlyEnabled()) {
        log.info("Quarterly inspection skipped: creditflow.inspection.quarterly-enabled is false");
        return Optional.empty();
      }
      inspectionId = create(properties.sampleSize(), null, PostLoanInspection.TIMER).id();
    }
    Inspection inspection = get(inspectionId);
    if (inspection.sampleSize() != null) {
      return Optional.of(new Drawn(inspection, inspection.sampleSize()));
    }
    Map<String, Integer> population = new LinkedHashMap<>();
    jdbc.query("SELECT c.risk_grade, COUNT(*) FROM cf_loan l JOIN cf_credit_line c ON c.id = l.credit_line_id"
        + " WHERE " + ACTIVE + " GROUP BY c.risk_grade ORDER BY c.risk_grade",
        rs -> { population.put(rs.getString(1), rs.getInt(2)); });
    Map<String, Integer> allocation = SampleDrawer.allocate(population, inspection.requestedSize());
    SplittableRandom random = new SplittableRandom(inspection.seed());
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> grade : allocation.entrySet()) {
      if (grade.getValue() == 0) {
        continue;
      }
      Set<Integer> positions = Set.copyOf(SampleDrawer.choose(random, population.get(grade.getKey()),
          grade.getValue()));
      int[] position = {0};
      jdbc.query(con -> {
        var statement = con.prepareStatement("SELECT l.loan_number FROM cf_loan l JOIN cf_credit_line c"
            + " ON c.id = l.credit_line_id WHERE " + ACTIVE + " AND c.risk_grade = ? ORDER BY l.loan_number");
        statement.setString(1, grade.getKey());
        statement.setFetchSize(1000);
        return statement;
      }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
        if (positions.contains(position[0]++)) {
          rows.add(new Object[] {inspection.id(), rs.getString(1), grade.getKey(), rows.size()});
        }
      });
    }
    jdbc.batchUpdate("INSERT INTO cf_inspection_loan (inspection_id, loan_number, risk_grade, draw_order)"
        + " VALUES (?, ?, ?, ?)", rows);
    int total = population.values().stream().mapToInt(Integer::intValue).sum();
    jdbc.update("UPDATE cf_inspection SET status = ?, population = ?, sample_size = ?, sampled_at = ?,"
        + " process_instance_id = ? WHERE id = ?", Inspection.IN_PROGRESS, total, rows.size(), utc(now()),
        processInstanceId, inspection.id());
    log.info("Inspection {}: {} of {} active loans drawn (seed {}), per grade {}", inspection.id(), rows.size(),
        total, inspection.seed(), allocation);
    return Optional.of(new Drawn(get(inspection.id()), rows.size()));
  }

  /** The loan numbers of the sample, in drawing order. */
  @Transactional(readOnly = true)
  public List<String> sample(String inspectionId) {
    return jdbc.queryForList("SELECT loan_number FROM cf_inspection_loan WHERE inspection_id = ?"
        + " ORDER BY draw_order", String.class, inspectionId);
  }

  /**
   * Records a loan's checklist: every item with its result; a failed item gets its remediation group and due date.
   * Recording the same loan again changes nothing and answers what was recorded.
   */
  @Transactional
  public Recorded recordChecklist(String inspectionId, String loanNumber, Map<ChecklistItem, ItemResult> results,
      String user) {
    LocalDate due = LocalDate.now(clock).plusDays(properties.remediationDueDays());
    if (findings(inspectionId, loanNumber).isEmpty()) {
      List<Object[]> rows = new ArrayList<>();
      for (ChecklistItem item : ChecklistItem.values()) {
        ItemResult result = results.get(item);
        if (result == null) {
          throw new IllegalArgumentException("checklist item " + item + " has no result");
        }
        rows.add(new Object[] {inspectionId, loanNumber, item.name(), result.passed(), result.comment(),
            result.passed() ? null : properties.groupFor(item), result.passed() ? null : due,
            result.passed() ? Finding.NONE : Finding.OPEN});
      }
      jdbc.batchUpdate("INSERT INTO cf_inspection_finding (inspection_id, loan_number, item, passed, finding_comment,"
          + " remediation_group, remediation_due, remediation_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
      jdbc.update("UPDATE cf_inspection_loan SET inspected_by = ?, inspected_at = ? WHERE inspection_id = ?"
          + " AND loan_number = ?", user, utc(now()), inspectionId, loanNumber);
    }
    List<Finding> recorded = findings(inspectionId, loanNumber);
    List<ChecklistItem> failed = recorded.stream().filter(f -> !f.passed()).map(Finding::item).toList();
    LocalDate recordedDue = recorded.stream().map(Finding::remediationDue).filter(d -> d != null).findFirst()
        .orElse(due);
    log.info("Inspection {}: loan {} checked by {}, failed {}", inspectionId, loanNumber, user, failed);
    return new Recorded(failed, recordedDue);
  }

  /** The failed items of a loan, in checklist order (names, for the remediation tasks). */
  @Transactional(readOnly = true)
  public List<String> failedItems(String inspectionId, String loanNumber) {
    return findings(inspectionId, loanNumber).stream().filter(f -> !f.passed()).map(f -> f.item().name()).toList();
  }

  /** The remediation of a failed item is done. */
  @Transactional
  public void completeRemediation(String inspectionId, String loanNumber, ChecklistItem item, String user,
      String comment) {
    int updated = jdbc.update("UPDATE cf_inspection_finding SET remediation_status = ?, remediated_by = ?,"
        + " remediated_at = ?, remediation_comment = ? WHERE inspection_id = ? AND loan_number = ? AND item = ?"
        + " AND passed = FALSE", Finding.DONE, user, utc(now()), comment, inspectionId, loanNumber, item.name());
    if (updated != 1) {
      throw new IllegalStateException("No failed " + item + " of loan " + loanNumber + " in inspection "
          + inspectionId);
    }
  }

  /** Every sampled loan inspected and every remediation done: COMPLETED. */
  @Transactional
  public void complete(String inspectionId) {
    jdbc.update("UPDATE cf_inspection SET status = ?, completed_at = ? WHERE id = ?", Inspection.COMPLETED,
        utc(now()), inspectionId);
    log.info("Inspection {} completed", inspectionId);
  }

  @Transactional(readOnly = true)
  public Inspection get(String id) {
    return jdbc.query("SELECT * FROM cf_inspection WHERE id = ?", INSPECTION, id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("No inspection " + id + "."));
  }

  /** Inspections, newest first. */
  @Transactional(readOnly = true)
  public List<Inspection> list(int limit) {
    return jdbc.query("SELECT * FROM cf_inspection ORDER BY started_at DESC, id LIMIT ?", INSPECTION, limit);
  }

  /** The inspection with its sample (drawing order) and findings. */
  @Transactional(readOnly = true)
  public Report report(String id) {
    Inspection inspection = get(id);
    List<SampledLoan> sample = jdbc.query("SELECT * FROM cf_inspection_loan WHERE inspection_id = ?"
        + " ORDER BY draw_order", (rs, n) -> new SampledLoan(rs.getString("loan_number"), rs.getString("risk_grade"),
        rs.getInt("draw_order"), rs.getString("inspected_by"), instant(rs, "inspected_at")), id);
    List<Finding> findings = jdbc.query("SELECT * FROM cf_inspection_finding WHERE inspection_id = ?", FINDING, id)
        .stream().sorted((a, b) -> a.loanNumber().equals(b.loanNumber()) ? a.item().compareTo(b.item())
            : a.loanNumber().compareTo(b.loanNumber())).toList();
    return new Report(inspection, sample, findings);
  }

  private List<Finding> findings(String inspectionId, String loanNumber) {
    return jdbc.query("SELECT * FROM cf_inspection_finding WHERE inspection_id = ? AND loan_number = ?", FINDING,
        inspectionId, loanNumber).stream().sorted((a, b) -> a.item().compareTo(b.item())).toList();
  }

  /** The business zone (engine clock's zone). */
  java.time.ZoneId zone() {
    return clock.getZone();
  }

  /** Items by name, for the API and listeners. */
  static ChecklistItem item(String name) {
    return Arrays.stream(ChecklistItem.values()).filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown checklist item " + name));
  }

  static String describe(Map<ChecklistItem, ItemResult> results) {
    return results.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue().passed() ? "PASS" : "FAIL"))
        .collect(Collectors.joining(","));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static final RowMapper<Inspection> INSPECTION = (rs, n) -> new Inspection(rs.getString("id"),
      rs.getString("status"), rs.getLong("seed"), rs.getInt("requested_size"), rs.getObject("population",
      Integer.class), rs.getObject("sample_size", Integer.class), rs.getString("triggered_by"),
      rs.getString("process_instance_id"), instant(rs, "started_at"), instant(rs, "sampled_at"),
      instant(rs, "completed_at"));

  private static final RowMapper<Finding> FINDING = (rs, n) -> new Finding(rs.getString("loan_number"),
      item(rs.getString("item")), rs.getBoolean("passed"), rs.getString("finding_comment"),
      rs.getString("remediation_group"), rs.getObject("remediation_due", LocalDate.class),
      rs.getString("remediation_status"), rs.getString("remediated_by"), instant(rs, "remediated_at"),
      rs.getString("remediation_comment"));
}
