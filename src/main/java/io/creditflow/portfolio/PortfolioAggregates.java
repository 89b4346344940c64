package io.creditflow.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based queries of a snapshot. The book is never loaded: two GROUP BY queries return one row per combination
 * of product, channel, grade, campaign, bucket now and bucket at the previous snapshot (a few hundred rows whatever
 * the size of the book), which are then summed per segment; one INSERT ... SELECT replaces the per-loan buckets the
 * next snapshot's roll rates are measured against. Cost: one scan of the open loans joined to their credit line,
 * application and previous bucket (primary-key joins), plus rewriting one narrow row per open loan.
 *
 * <p>Segments: PRODUCT is FIRST_LOAN (the loan booked at disbursement of an application) or DRAWDOWN (a further loan
 * on the line, {@code cf_loan.application_id} NULL); CHANNEL and CAMPAIGN come from the application that opened the
 * credit line ({@code cf_loan_application.channel}, {@code campaign_code}; UNKNOWN / NONE when there is none, e.g. a
 * migrated book), so a drawdown counts for the campaign that brought the customer; GRADE is the line's risk grade.
 */
@Component
class PortfolioAggregates {

  /** Open: not SETTLED and not WRITTEN_OFF (RESTRUCTURED and IN_LEGAL loans are in the book). */
  static final String OPEN = "l.status NOT IN ('SETTLED', 'WRITTEN_OFF')";

  private static final String BALANCE = "(l.outstanding_principal + l.outstanding_interest + l.outstanding_penalty)";

  private static final String DIMENSIONS = "CASE WHEN l.application_id IS NULL THEN 'DRAWDOWN' ELSE 'FIRST_LOAN' END"
      + " AS product, COALESCE(a.channel, 'UNKNOWN') AS channel, c.risk_grade AS grade,"
      + " COALESCE(a.campaign_code, 'NONE') AS campaign";

  private static final String JOINS = " FROM cf_loan l JOIN cf_credit_line c ON c.id = l.credit_line_id"
      + " LEFT JOIN cf_loan_application a ON a.id = c.application_id";

  private static final String GROUPED = "SELECT t.product, t.channel, t.grade, t.campaign, t.bucket, t.prev_bucket,"
      + " COUNT(*) AS loans, SUM(t.balance) AS balance, SUM(t.prev_balance) AS prev_balance FROM (%s) t"
      + " GROUP BY t.product, t.channel, t.grade, t.campaign, t.bucket, t.prev_bucket";

  /** Open loans now, with the bucket they had at the previous snapshot (-1: none). */
  private static final String OPEN_LOANS = GROUPED.formatted("SELECT " + DIMENSIONS + ", " + Bucket.SQL_CASE
      + " AS bucket, COALESCE(p.bucket, -1) AS prev_bucket, " + BALANCE + " AS balance,"
      + " COALESCE(p.balance, 0) AS prev_balance" + JOINS
      + " LEFT JOIN cf_portfolio_loan_bucket p ON p.loan_number = l.loan_number WHERE " + OPEN);

  /** Loans open at the previous snapshot and closed since: written off (5) or settled (6). */
  private static final String CLOSED_SINCE = GROUPED.formatted("SELECT " + DIMENSIONS + ", CASE WHEN l.status ="
      + " 'WRITTEN_OFF' THEN " + Bucket.WRITTEN_OFF + " ELSE " + Bucket.SETTLED + " END AS bucket,"
      + " p.bucket AS prev_bucket, 0 AS balance, p.balance AS prev_balance FROM cf_portfolio_loan_bucket p"
      + " JOIN cf_loan l ON l.loan_number = p.loan_number JOIN cf_credit_line c ON c.id = l.credit_line_id"
      + " LEFT JOIN cf_loan_application a ON a.id = c.application_id WHERE NOT (" + OPEN + ")");

  private static final int BUCKETS = Bucket.values().length;
  private static final int ROLL_BUCKETS = BUCKETS - 1;

  private final JdbcTemplate jdbc;

  PortfolioAggregates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The segments of the book now, TOTAL first, then each dimension's keys in alphabetical order. */
  List<Segment> segments(boolean withPrevious) {
    Map<String, Accumulator> acc = new LinkedHashMap<>();
    for (String dimension : Segment.DIMENSIONS) {
      if (dimension.equals(Segment.TOTAL)) {
        acc.put(key(dimension, Segment.ALL), new Accumulator(dimension, Segment.ALL));
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(OPEN_LOANS));
    rows.addAll(jdbc.queryForList(CLOSED_SINCE));
    for (Map<String, Object> row : rows) {
      int bucket = ((Number) row.get("bucket")).intValue();
      int previous = ((Number) row.get("prev_bucket")).intValue();
      int loans = ((Number) row.get("loans")).intValue();
      BigDecimal balance = decimal(row.get("balance"));
      BigDecimal previousBalance = decimal(row.get("prev_balance"));
      String[][] segments = {{Segment.TOTAL, Segment.ALL}, {"PRODUCT", (String) row.get("product")},
          {"CHANNEL", (String) row.get("channel")}, {"GRADE", (String) row.get("grade")},
          {"CAMPAIGN", (String) row.get("campaign")}};
      for (String[] segment : segments) {
        acc.computeIfAbsent(key(segment[0], segment[1]), k -> new Accumulator(segment[0], segment[1]))
            .add(bucket, previous, loans, balance, previousBalance);
      }
    }
    return acc.values().stream()
        .sorted((a, b) -> a.dimension.equals(b.dimension) ? a.key.compareTo(b.key)
            : Integer.compare(Segment.DIMENSIONS.indexOf(a.dimension), Segment.DIMENSIONS.indexOf(b.dimension)))
        .filter(a -> a.dimension.equals(Segment.TOTAL) || a.loanCount > 0)
        .map(a -> a.segment(withPrevious)).toList();
  }

  /** Replaces the per-loan buckets with the book now (two statements, set-based). */
  void rememberBuckets(String snapshotId) {
    jdbc.update("DELETE FROM cf_portfolio_loan_bucket");
    jdbc.update("INSERT INTO cf_portfolio_loan_bucket (loan_number, bucket, balance, snapshot_id) SELECT"
        + " l.loan_number, " + Bucket.SQL_CASE + ", " + BALANCE + ", ? FROM cf_loan l WHERE " + OPEN, snapshotId);
  }

  private static String key(String dimension, String key) {
    return dimension + "|" + key;
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    return (value instanceof BigDecimal d ? d : new BigDecimal(value.toString())).setScale(2);
  }

  private static final class Accumulator {
    final String dimension;
    final String key;
    int loanCount;
    final int[] counts = new int[BUCKETS];
    final BigDecimal[] balances = zeros(BUCKETS);
    final BigDecimal[] previous = zeros(ROLL_BUCKETS);
    final BigDecimal[] rolled = zeros(ROLL_BUCKETS);

    Accumulator(String dimension, String key) {
      this.dimension = dimension;
      this.key = key;
    }

    void add(int bucket, int previousBucket, int loans, BigDecimal balance, BigDecimal previousBalance) {
      if (bucket < BUCKETS) {
        loanCount += loans;
        counts[bucket] += loans;
        balances[bucket] = balances[bucket].add(balance);
      }
      if (previousBucket >= 0 && previousBucket < ROLL_BUCKETS) {
        previous[previousBucket] = previous[previousBucket].add(previousBalance);
        if (bucket > previousBucket && bucket != Bucket.SETTLED) {
          rolled[previousBucket] = rolled[previousBucket].add(previousBalance);
        }
      }
    }

    Segment segment(boolean withPrevious) {
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      for (BigDecimal b : balances) {
        total = total.add(b);
      }
      BigDecimal overdueBalance = total.subtract(balances[0]);
      int overdueCount = loanCount - counts[0];
      List<BigDecimal> rolls = new ArrayList<>();
      for (int k = 0; k < ROLL_BUCKETS; k++) {
        rolls.add(withPrevious && previous[k].signum() > 0 ? Segment.ratio(rolled[k], previous[k]) : null);
      }
      List<Integer> countList = new ArrayList<>();
      for (int c : counts) {
        countList.add(c);
      }
      return new Segment(dimension, key, loanCount, total, List.copyOf(countList), List.of(balances),
          Segment.ratio(overdueBalance, total),
          Segment.ratio(BigDecimal.valueOf(overdueCount), BigDecimal.valueOf(loanCount)),
          java.util.Collections.unmodifiableList(rolls));
    }

    private static BigDecimal[] zeros(int n) {
      BigDecimal[] values = new BigDecimal[n];
      java.util.Arrays.fill(values, BigDecimal.ZERO.setScale(2));
      return values;
    }
  }
}
