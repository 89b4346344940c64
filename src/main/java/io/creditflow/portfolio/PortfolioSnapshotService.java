package io.creditflow.portfolio;

import io.creditflow.common.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio snapshots: computing one per business date ({@link PortfolioAggregates}), storing it, reading them, and
 * recording the risk manager's action on a breach.
 */
@Service
public class PortfolioSnapshotService {

  private static final Logger log = LoggerFactory.getLogger(PortfolioSnapshotService.class);
  static final int MAX_PAGE_SIZE = 200;

  /** A snapshot with its segments (TOTAL first) and breaches. */
  public record SnapshotDetails(Snapshot snapshot, List<Segment> segments, List<Breach> breaches) {

    public Segment total() {
      return segments.stream().filter(s -> s.dimension().equals(Segment.TOTAL)).findFirst().orElseThrow();
    }
  }

  private final JdbcTemplate jdbc;
  private final PortfolioAggregates aggregates;
  private final Clock clock;

  PortfolioSnapshotService(JdbcTemplate jdbc, PortfolioAggregates aggregates, Clock clock) {
    this.jdbc = jdbc;
    this.aggregates = aggregates;
    this.clock = clock;
  }

  /** Today in the business zone (engine clock): the date of a snapshot computed now. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Computes and stores the snapshot of {@code date} from the ledger as it is now; empty when that date has one
   * already (nothing changes). Roll rates are measured against the previous snapshot's per-loan buckets, which this
   * one then replaces.
   */
  @Transactional
  public Optional<Snapshot> compute(LocalDate date, String triggeredBy, String processInstanceId) {
    if (findByDate(date).isPresent()) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    Optional<Snapshot> previous = latest();
    List<Segment> segments = aggregates.segments(previous.isPresent());
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    jdbc.update("INSERT INTO cf_portfolio_snapshot (id, snapshot_date, previous_snapshot_id, previous_snapshot_date,"
        + " triggered_by, process_instance_id, computed_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, date,
        previous.map(Snapshot::id).orElse(null), previous.map(Snapshot::snapshotDate).orElse(null), triggeredBy,
        processInstanceId, utc(now), durationMs);
    List<Object[]> rows = new ArrayList<>();
    for (Segment s : segments) {
      rows.add(new Object[] {UUID.randomUUID().toString(), id, s.dimension(), s.key(), s.loanCount(), s.balance(),
          s.counts().get(0), s.balances().get(0), s.counts().get(1), s.balances().get(1), s.counts().get(2),
          s.balances().get(2), s.counts().get(3), s.balances().get(3), s.counts().get(4), s.balances().get(4),
          s.overdueRatioBalance(), s.overdueRatioCount(), s.rollRates().get(0), s.rollRates().get(1),
          s.rollRates().get(2), s.rollRates().get(3)});
    }
    jdbc.batchUpdate("INSERT INTO cf_portfolio_segment (id, snapshot_id, dimension, segment_key, loan_count, balance,"
        + " current_count, current_balance, dpd_1_30_count, dpd_1_30_balance, dpd_31_60_count, dpd_31_60_balance,"
        + " dpd_61_90_count, dpd_61_90_balance, dpd_90_plus_count, dpd_90_plus_balance, overdue_ratio_balance,"
        + " overdue_ratio_count, roll_current, roll_1_30, roll_31_60, roll_61_90)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    aggregates.rememberBuckets(id);
    Segment total = segments.get(0);
    log.info("Portfolio snapshot {} for {}: {} loans, balance {}, overdue ratio {} by balance, {} by count ({} ms)",
        id, date, total.loanCount(), total.balance(), total.overdueRatioBalance(), total.overdueRatioCount(),
        durationMs);
    return Optional.of(get(id).snapshot());
  }

  /** The snapshot of a date, if computed. */
  @Transactional(readOnly = true)
  public Optional<Snapshot> findByDate(LocalDate date) {
    return jdbc.query("SELECT * FROM cf_portfolio_snapshot WHERE snapshot_date = ?", SNAPSHOT, date).stream()
        .findFirst();
  }

  /** The newest snapshot, if any. */
  @Transactional(readOnly = true)
  public Optional<Snapshot> latest() {
    return page(0, 1).stream().findFirst();
  }

  /** Snapshots, newest date first: page {@code page} (from 0) of {@code size}. */
  @Transactional(readOnly = true)
  public List<Snapshot> page(int page, int size) {
    int limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    return jdbc.query("SELECT * FROM cf_portfolio_snapshot ORDER BY snapshot_date DESC LIMIT ? OFFSET ?", SNAPSHOT,
        limit, (long) Math.max(page, 0) * limit);
  }

  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_portfolio_snapshot", Long.class);
  }

  /** One snapshot with its segments and breaches. */
  @Transactional(readOnly = true)
  public SnapshotDetails get(String id) {
    Snapshot snapshot = jdbc.query("SELECT * FROM cf_portfolio_snapshot WHERE id = ?", SNAPSHOT, id).stream()
        .findFirst().orElseThrow(() -> new NotFoundException("No portfolio snapshot " + id + "."));
    List<Segment> segments = jdbc.query("SELECT * FROM cf_portfolio_segment WHERE snapshot_id = ?", SEGMENT, id)
        .stream().sorted((a, b) -> a.dimension().equals(b.dimension()) ? a.key().compareTo(b.key())
            : Integer.compare(Segment.DIMENSIONS.indexOf(a.dimension()), Segment.DIMENSIONS.indexOf(b.dimension())))
        .toList();
    List<Breach> breaches = jdbc.query("SELECT * FROM cf_portfolio_breach WHERE snapshot_id = ?"
        + " ORDER BY warning_level, line_code, dimension, segment_key", BREACH, id);
    return new SnapshotDetails(snapshot, segments, breaches);
  }

  /** Stores what the warning lines found (replacing an earlier evaluation of the same snapshot). */
  @Transactional
  public void recordBreaches(String snapshotId, List<Breach> breaches, String level) {
    jdbc.update("DELETE FROM cf_portfolio_breach WHERE snapshot_id = ?", snapshotId);
    jdbc.batchUpdate("INSERT INTO cf_portfolio_breach (id, snapshot_id, dimension, segment_key, line_code,"
        + " warning_level, measured, recommended_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", breaches.stream()
        .map(b -> new Object[] {UUID.randomUUID().toString(), snapshotId, b.dimension(), b.key(), b.line(), b.level(),
            b.measured(), b.recommendedAction()}).toList());
    jdbc.update("UPDATE cf_portfolio_snapshot SET warning_level = ?, breach_count = ? WHERE id = ?", level,
        breaches.size(), snapshotId);
  }

  /** Records the risk manager's action and comment on the snapshot. */
  @Transactional
  public void recordReview(String snapshotId, String action, String comment, String user) {
    int updated = jdbc.update("UPDATE cf_portfolio_snapshot SET review_action = ?, review_comment = ?,"
        + " reviewed_by = ?, reviewed_at = ? WHERE id = ?", action, comment, user,
        utc(clock.instant().truncatedTo(ChronoUnit.SECONDS)), snapshotId);
    if (updated != 1) {
      throw new IllegalStateException("No portfolio snapshot " + snapshotId);
    }
    log.info("Portfolio snapshot {}: action {} recorded by {}", snapshotId, action, user);
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static final RowMapper<Snapshot> SNAPSHOT = (rs, n) -> new Snapshot(rs.getString("id"),
      rs.getObject("snapshot_date", LocalDate.class), rs.getString("previous_snapshot_id"),
      rs.getObject("previous_snapshot_date", LocalDate.class), rs.getString("triggered_by"),
      rs.getString("process_instance_id"), instant(rs, "computed_at"), rs.getLong("duration_ms"),
      rs.getString("warning_level"), (Integer) rs.getObject("breach_count", Integer.class),
      rs.getString("review_action"), rs.getString("review_comment"), rs.getString("reviewed_by"),
      instant(rs, "reviewed_at"));

  private static final String[] BUCKET_COLUMNS = {"current", "dpd_1_30", "dpd_31_60", "dpd_61_90", "dpd_90_plus"};
  private static final String[] ROLL_COLUMNS = {"roll_current", "roll_1_30", "roll_31_60", "roll_61_90"};

  private static final RowMapper<Segment> SEGMENT = (rs, n) -> {
    List<Integer> counts = new ArrayList<>();
    List<BigDecimal> balances = new ArrayList<>();
    for (String bucket : BUCKET_COLUMNS) {
      counts.add(rs.getInt(bucket + "_count"));
      balances.add(rs.getBigDecimal(bucket + "_balance"));
    }
    List<BigDecimal> rolls = new ArrayList<>();
    for (String roll : ROLL_COLUMNS) {
      rolls.add(rs.getBigDecimal(roll));
    }
    return new Segment(rs.getString("dimension"), rs.getString("segment_key"), rs.getInt("loan_count"),
        rs.getBigDecimal("balance"), List.copyOf(counts), List.copyOf(balances), rs.getBigDecimal("overdue_ratio_balance"),
        rs.getBigDecimal("overdue_ratio_count"), java.util.Collections.unmodifiableList(rolls));
  };

  private static final RowMapper<Breach> BREACH = (rs, n) -> new Breach(rs.getString("dimension"),
      rs.getString("segment_key"), rs.getString("line_code"), rs.getString("warning_level"),
      rs.getBigDecimal("measured"), rs.getString("recommended_action"));
}
