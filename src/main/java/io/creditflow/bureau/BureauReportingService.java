package io.creditflow.bureau;

import io.creditflow.bureau.BureauReportRecord.ExportStatus;
import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link BureauReporting} on {@code cf_bureau_report}, plus the listing and the export of the records.
 *
 * <p><b>Idempotent per loan, kind and as-of date.</b> {@link #report} reads before it inserts and returns the stored
 * record's id when there is one: a retried job records nothing twice. Two transactions recording the same new fact
 * at the same moment both miss it on reading; the unique key lets one insert win, and the other catches the duplicate
 * and returns the winner's id, without failing its own transaction (see {@link BureauReportStore}).
 *
 * <p><b>Snapshot.</b> The balance (principal, billed interest and penalty outstanding) and the amount past due (what
 * instalments due before {@code asOf}, and closed past by the ledger, still owe, penalty included) are read from the
 * ledger when the record is made, at scale 2. The account status and payment rating follow {@link Metro2Status}.
 *
 * <p>Metric: counter {@code creditflow.bureau.reports}, tag {@code kind}, counts records stored (after commit).
 */
@Service
public class BureauReportingService implements BureauReporting {

  /** Result of {@link #export}. */
  public record ExportResult(String exportReference, LocalDate from, LocalDate to, int recordCount,
      String exportedBy, Instant exportedAt, boolean created) {}

  static final String METRIC = "creditflow.bureau.reports";
  static final int MAX_NOTE = 200;
  static final int MAX_REFERENCE = 64;
  private static final Logger log = LoggerFactory.getLogger(BureauReportingService.class);

  private final BureauReportStore store;
  private final LoanQueries ledger;
  private final Clock clock;
  private final BureauReportingProperties properties;
  private final Map<BureauReportKind, Counter> counters = new EnumMap<>(BureauReportKind.class);
  private final Runnable beforeInsert;

  @Autowired
  BureauReportingService(BureauReportStore store, LoanQueries ledger, Clock clock,
      BureauReportingProperties properties, MeterRegistry meters) {
    this(store, ledger, clock, properties, meters, () -> {});
  }

  /** With a hook run after the read and before the insert: a test seam to hold racing callers. */
  BureauReportingService(BureauReportStore store, LoanQueries ledger, Clock clock,
      BureauReportingProperties properties, MeterRegistry meters, Runnable beforeInsert) {
    this.beforeInsert = beforeInsert;
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
    for (BureauReportKind kind : BureauReportKind.values()) {
      counters.put(kind, Counter.builder(METRIC).description("Credit bureau report records stored")
          .tag("kind", kind.name()).register(meters));
    }
  }

  @Override
  @Transactional
  public String report(String loanNumber, BureauReportKind kind, LocalDate asOf, String note) {
    Objects.requireNonNull(loanNumber, "loanNumber is required");
    Objects.requireNonNull(kind, "kind is required");
    Objects.requireNonNull(asOf, "asOf is required");
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters");
    }
    Optional<BureauReportRecord> stored = store.find(loanNumber, kind, asOf);
    if (stored.isPresent()) {
      return stored.get().id();
    }
    LoanQueries.LoanWithSchedule account = ledger.loan(loanNumber)
        .orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber + " in the ledger"));
    Loan loan = account.loan();
    Metro2Status status = Metro2Status.of(kind, loan.getStatus(), loan.getDaysPastDue());
    BureauReportRecord record = new BureauReportRecord(UUID.randomUUID().toString(), loan.getLoanNumber(),
        loan.getCustomerId(), kind, status.accountStatus(), status.paymentRating(), asOf, loan.getDaysPastDue(),
        loan.getCurrency(), cents(loan.getBalance()), amountPastDue(account.schedule(), loan.getLastClosedOn(), asOf),
        note == null || note.isBlank() ? null : note.strip(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
        ExportStatus.PENDING, null, null);
    beforeInsert.run();
    try {
      store.insert(record);
    } catch (DataIntegrityViolationException duplicate) {
      // a concurrent transaction stored the same fact first (and committed): the unique key kept one
      Optional<BureauReportRecord> winner = store.find(loanNumber, kind, asOf);
      if (winner.isEmpty()) {
        throw duplicate;
      }
      log.info("Bureau report {} of loan {} as of {} was recorded concurrently; keeping {}", kind, loanNumber, asOf,
          winner.get().id());
      return winner.get().id();
    }
    countAfterCommit(kind);
    log.info("Bureau report {} ({} / {}) of loan {} as of {} recorded: {}", kind, status.accountStatus(),
        status.paymentRating(), loanNumber, asOf, record.id());
    return record.id();
  }

  /** The record of {@code loanNumber}, {@code kind} and {@code asOf}, if there is one. */
  @Transactional(readOnly = true)
  public Optional<BureauReportRecord> find(String loanNumber, BureauReportKind kind, LocalDate asOf) {
    return store.find(loanNumber, kind, asOf);
  }

  /**
   * Records with an as-of date from {@code from} to {@code to} (both included), by as-of date, loan and kind.
   *
   * @throws InvalidRequestException a missing or reversed range, one longer than {@code max-range-days}, or more
   *                                 than {@code max-rows} records
   */
  @Transactional(readOnly = true)
  public List<BureauReportRecord> list(LocalDate from, LocalDate to) {
    checkRange(from, to);
    long count = store.count(from, to);
    if (count > properties.maxRows()) {
      throw new InvalidRequestException(List.of(new FieldProblem("to", "the range holds " + count
          + " records, more than " + properties.maxRows() + " at a time: narrow it")));
    }
    return store.list(from, to);
  }

  /**
   * Marks the PENDING records with an as-of date in [{@code from}, {@code to}] EXPORTED under
   * {@code exportReference}. Idempotent by reference: the same reference with the same range answers the stored
   * export ({@code created = false}) and marks nothing; with another range it is a conflict.
   *
   * @throws InvalidRequestException a missing or malformed reference or a bad range
   * @throws ConflictException       the reference is already used for another range
   */
  @Transactional
  public ExportResult export(String exportReference, LocalDate from, LocalDate to, String exportedBy) {
    List<FieldProblem> problems = new ArrayList<>();
    if (exportReference == null || !exportReference.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
      problems.add(new FieldProblem("exportReference",
          "is required: 1-" + MAX_REFERENCE + " letters, digits, '.', '_', ':' or '-'"));
    }
    problems.addAll(rangeProblems(from, to));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Optional<BureauReportStore.Export> existing = store.findExport(exportReference);
    if (existing.isPresent()) {
      return repeated(existing.get(), from, to);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    BureauReportStore.Export export = new BureauReportStore.Export(UUID.randomUUID().toString(), exportReference,
        from, to, 0, Objects.requireNonNull(exportedBy), now);
    try {
      store.insertExport(export);
    } catch (DataIntegrityViolationException duplicate) {
      BureauReportStore.Export winner = store.findExport(exportReference).orElseThrow(() -> duplicate);
      return repeated(winner, from, to);
    }
    int marked = store.markExported(from, to, exportReference, now);
    store.setExportCount(export.id(), marked);
    log.info("Bureau export {} of {}..{} by {}: {} records", exportReference, from, to, exportedBy, marked);
    return new ExportResult(exportReference, from, to, marked, exportedBy, now, true);
  }

  private static ExportResult repeated(BureauReportStore.Export stored, LocalDate from, LocalDate to) {
    if (!stored.from().equals(from) || !stored.to().equals(to)) {
      throw new ConflictException("Export reference " + stored.exportReference() + " was already used for "
          + stored.from() + " to " + stored.to() + ".");
    }
    return new ExportResult(stored.exportReference(), stored.from(), stored.to(), stored.recordCount(),
        stored.exportedBy(), stored.exportedAt(), false);
  }

  private void checkRange(LocalDate from, LocalDate to) {
    List<FieldProblem> problems = rangeProblems(from, to);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  List<FieldProblem> rangeProblems(LocalDate from, LocalDate to) {
    List<FieldProblem> problems = new ArrayList<>();
    if (from == null) {
      problems.add(new FieldProblem("from", "is required (yyyy-MM-dd)"));
    }
    if (to == null) {
      problems.add(new FieldProblem("to", "is required (yyyy-MM-dd)"));
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        problems.add(new FieldProblem("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxRangeDays()) {
        problems.add(new FieldProblem("to", "the range may span at most " + properties.maxRangeDays()
            + " days, both ends included"));
      }
    }
    return problems;
  }

  /**
   * What instalments due before {@code asOf} still owe (principal, interest and penalty, at scale 2), counting only
   * those the ledger has closed past ({@code lastClosedOn}): what the ledger has not billed yet is not past due, so the
   * amount never exceeds the balance.
   */
  static BigDecimal amountPastDue(List<Instalment> schedule, LocalDate lastClosedOn, LocalDate asOf) {
    BigDecimal pastDue = BigDecimal.ZERO;
    if (lastClosedOn == null) {
      return cents(pastDue);
    }
    for (Instalment line : schedule) {
      if (line.getDueDate().isBefore(asOf) && !line.getDueDate().isAfter(lastClosedOn) && !line.isSettled()) {
        pastDue = pastDue.add(line.arrears()).add(line.penaltyOutstanding());
      }
    }
    return cents(pastDue);
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private void countAfterCommit(BureauReportKind kind) {
    Counter counter = counters.get(kind);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          counter.increment();
        }
      });
    } else {
      counter.increment();
    }
  }
}
