package io.creditflow.collection;

import io.creditflow.collection.CollectionReport.ActionCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection figures for a period, from aggregate queries over the case records ({@code cf_collection_case},
 * {@code cf_collection_action}) and the contact history ({@code cf_contact_decision}); nothing is loaded row by row.
 * Business dates are read in the business time zone (the engine clock's zone): the period is [from 00:00, to + 1 day
 * 00:00).
 *
 * <p>Roll rates follow the usual collections definition (share of accounts moving from one delinquency bucket to the
 * next, e.g. <a href="https://www.investopedia.com/terms/r/rollrate.asp">Investopedia, "Roll Rate"</a>), taken over
 * the cases started in the period by the highest days past due each reached: of those that reached 1-30, how many
 * reached 31-60, and so on. A case still open can still roll: recent periods show lower rates than they will end with.
 */
@Service
public class CollectionReportService {

  /** The DPD buckets of the roll rates: lower bound (inclusive) and label. */
  private static final int[] BUCKET_FLOORS = {1, 31, 61, 91};
  private static final String[] BUCKET_LABELS = {"1-30", "31-60", "61-90", "90+"};

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  CollectionReportService(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  @Transactional(readOnly = true)
  public CollectionReport report(LocalDate from, LocalDate to) {
    Timestamp start = Timestamp.from(startOf(from));
    Timestamp end = Timestamp.from(startOf(to.plusDays(1)));

    long started = count("SELECT COUNT(*) FROM cf_collection_case WHERE started_at >= ? AND started_at < ?",
        start, end);
    Map<String, Long> outcomes = new LinkedHashMap<>();
    jdbc.query("SELECT outcome, COUNT(*) FROM cf_collection_case WHERE ended_at >= ? AND ended_at < ?"
        + " GROUP BY outcome", rs -> {
          outcomes.put(rs.getString(1), rs.getLong(2));
        }, start, end);
    long cured = outcomes.getOrDefault(CollectionOutcome.CURED.name(), 0L);
    long ended = outcomes.values().stream().mapToLong(Long::longValue).sum();
    CollectionReport.Cases cases = new CollectionReport.Cases(started, ended, cured,
        outcomes.getOrDefault(CollectionOutcome.LEGAL.name(), 0L),
        outcomes.getOrDefault(CollectionOutcome.CLOSED.name(), 0L), rate(cured, ended));

    Map<String, ActionCost> byAction = new LinkedHashMap<>();
    jdbc.query("SELECT action, COUNT(*), SUM(unit_cost) FROM cf_collection_action WHERE occurred_at >= ?"
        + " AND occurred_at < ? GROUP BY action ORDER BY action", rs -> {
          byAction.put(rs.getString(1), new ActionCost(rs.getLong(2), money(rs.getBigDecimal(3))));
        }, start, end);
    BigDecimal total = money(byAction.values().stream().map(ActionCost::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    CollectionReport.Cost cost = new CollectionReport.Cost(total,
        cured == 0 ? null : total.divide(BigDecimal.valueOf(cured), 2, RoundingMode.HALF_EVEN), byAction);

    long made = actions(byAction, CollectionActionType.PROMISE_MADE);
    long kept = actions(byAction, CollectionActionType.PROMISE_KEPT);
    long broken = actions(byAction, CollectionActionType.PROMISE_BROKEN);
    CollectionReport.Promises promises = new CollectionReport.Promises(made, kept, broken, rate(kept, kept + broken));

    StringBuilder sql = new StringBuilder("SELECT");
    for (int i = 0; i < BUCKET_FLOORS.length; i++) {
      sql.append(i == 0 ? " " : ", ").append("SUM(CASE WHEN max_dpd >= ").append(BUCKET_FLOORS[i])
          .append(" THEN 1 ELSE 0 END)");
    }
    sql.append(" FROM cf_collection_case WHERE started_at >= ? AND started_at < ?");
    long[] reached = jdbc.queryForObject(sql.toString(), (rs, row) -> {
      long[] counts = new long[BUCKET_FLOORS.length];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rs.getLong(i + 1);
      }
      return counts;
    }, start, end);
    List<CollectionReport.RollRate> rolls = new ArrayList<>();
    for (int i = 0; i + 1 < BUCKET_FLOORS.length; i++) {
      rolls.add(new CollectionReport.RollRate(BUCKET_LABELS[i], BUCKET_LABELS[i + 1], reached[i], reached[i + 1],
          rate(reached[i + 1], reached[i])));
    }

    long decisions = count("SELECT COUNT(*) FROM cf_contact_decision WHERE contact_at >= ? AND contact_at < ?",
        start, end);
    Map<String, Long> deferred = new LinkedHashMap<>();
    jdbc.query("SELECT reason, COUNT(*) FROM cf_contact_decision WHERE contact_at >= ? AND contact_at < ?"
        + " AND allowed = FALSE GROUP BY reason ORDER BY reason", rs -> {
          deferred.put(rs.getString(1), rs.getLong(2));
        }, start, end);
    CollectionReport.Contacts contacts = new CollectionReport.Contacts(decisions,
        deferred.values().stream().mapToLong(Long::longValue).sum(), deferred);

    return new CollectionReport(from, to, cases, cost, promises, rolls, contacts);
  }

  private Instant startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  private long count(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }

  private static long actions(Map<String, ActionCost> byAction, CollectionActionType type) {
    ActionCost cost = byAction.get(type.name());
    return cost == null ? 0 : cost.count();
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** part / whole with 4 decimals; null when whole is 0. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }
}
