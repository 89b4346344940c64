package io.creditflow.demo;

import io.creditflow.common.crypto.PersonalDataProtection;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.RepaymentScheduleCalculator;
import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the ledger with a loan book in bulk: customers (personal data encrypted by {@link PersonalDataProtection}, as
 * {@code CustomerService} stores it), credit lines with their opening limit, loans, repayment schedules, the
 * disbursement, the payments made so far with their allocations, the audit trail of both, and each line's review
 * schedule. The rows are exactly what disbursements, payments and earlier closes of business would have left: the
 * ledger, the close of business, payments and collection cannot tell a seeded loan from a disbursed one. Loans in
 * good standing get no process instance, as in the product.
 *
 * <p><b>Fast.</b> Plain JDBC, multi-row {@code INSERT}s ({@link RowBatch}), one transaction per chunk of
 * {@link SeedPlan#chunkSize()} loans; nothing is held beyond one chunk, so a million loans seed in bounded memory.
 * Keys are chosen so that inserts append to the indexes: loan numbers of one seeding share a random 4-character
 * prefix and then count up in Crockford base 32 (still well-formed loan numbers, {@code LoanNumbers}); row ids are
 * time-ordered UUIDs (version 7 layout) counting up from the seeding's start. Random keys would scatter a million
 * inserts over the whole B-tree.
 *
 * <p>No origination history: credit lines name a seeding reference ({@code SEED-…}) as their application, with no
 * {@code cf_loan_application} row, as a book migrated from another system would.
 */
@Service
public class PortfolioSeeder {

  /** Who the seeded payments are recorded as received by. */
  public static final String ACTOR = "system:portfolio-seed";
  static final String CURRENCY = "CNY";
  private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超"};
  private static final String[] GRADES = {"A", "A", "B", "B", "B", "C", "C", "D"};
  private static final LocalTime BUSINESS_HOUR = LocalTime.of(10, 0);

  private static final Logger log = LoggerFactory.getLogger(PortfolioSeeder.class);

  /** What a seeding wrote. {@code loanNumberPrefix} starts every seeded loan number ({@code LNxxxx}). */
  public record Result(String loanNumberPrefix, int loans, int unpaid, int settled, long rows, long millis) {}

  private final DataSource dataSource;
  private final PersonalDataProtection protection;
  private final Clock clock;
  private final TransactionTemplate chunkTransaction;
  private final RepaymentScheduleCalculator calculator = new RepaymentScheduleCalculator();

  public PortfolioSeeder(DataSource dataSource, PersonalDataProtection protection, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.dataSource = dataSource;
    this.protection = protection;
    this.clock = clock;
    this.chunkTransaction = new TransactionTemplate(transactionManager);
    this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Seeds {@code plan}; each chunk commits on its own. */
  public Result seed(SeedPlan plan) {
    if (plan.kind() == SeedPlan.Kind.WAVE
        && !RepaymentScheduleCalculator.dueDate(plan.dueDate().minusMonths(1), 1).equals(plan.dueDate())) {
      throw new IllegalArgumentException("a wave's due date must be a day that exists in the month before (1st-28th)");
    }
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(plan.randomSeed());
    String batch = freshBatch();
    Ids ids = new Ids();
    ZoneId zone = clock.getZone();
    Counts counts = new Counts();
    for (int start = 0; start < plan.loans(); start += plan.chunkSize()) {
      int end = Math.min(plan.loans(), start + plan.chunkSize());
      Chunk chunk = new Chunk();
      for (int n = start; n < end; n++) {
        LoanSpec spec = spec(plan, random);
        addLoan(chunk, plan, spec, batch, n, ids, random, zone, counts);
      }
      counts.rows += chunkTransaction.execute(status -> chunk.write(dataSource));
      if ((end / plan.chunkSize()) % 100 == 0 || end == plan.loans()) {
        log.info("Seeded {} of {} loans ({} rows so far)", end, plan.loans(), counts.rows);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.info("Seeded {} loans (LN{}…: {} unpaid, {} settled), {} rows in {} ms", plan.loans(), batch, counts.unpaid,
        counts.settled, counts.rows, millis);
    return new Result("LN" + batch, plan.loans(), counts.unpaid, counts.settled, counts.rows, millis);
  }

  /** One loan's shape: when it was disbursed, how many leading instalments it paid on their due dates. */
  private record LoanSpec(LocalDate disbursedOn, int termMonths, int paidLines, LocalDate lastClosedOn,
      boolean unpaid) {}

  private LoanSpec spec(SeedPlan plan, SplittableRandom random) {
    double draw = random.nextDouble();
    if (plan.kind() == SeedPlan.Kind.WAVE) {
      boolean unpaid = draw < plan.unpaidShare();
      return new LoanSpec(plan.dueDate().minusMonths(1), plan.termMonths(), unpaid ? 0 : 1,
          plan.dueDate().minusDays(1), unpaid);
    }
    LocalDate yesterday = plan.asOf().minusDays(1);
    LocalDate lastClosed = plan.asOf().minusDays(2);
    if (draw < plan.settledShare()) {
      LocalDate disbursed = yesterday.minusMonths(3 + random.nextInt(4)).minusDays(1 + random.nextInt(27));
      return new LoanSpec(disbursed, 3, 3, lastClosed, false);
    }
    if (draw < plan.settledShare() + plan.unpaidShare()) {
      int k = 1 + random.nextInt(Math.min(plan.termMonths() - 1, 6));
      LocalDate disbursed = yesterday.minusMonths(k);
      if (RepaymentScheduleCalculator.dueDate(disbursed, k).equals(yesterday)) {
        return new LoanSpec(disbursed, plan.termMonths(), k - 1, lastClosed, true);
      }
    }
    int maxDays = Math.min(300, (plan.termMonths() - 1) * 28);
    LocalDate disbursed = plan.asOf().minusDays(1 + random.nextInt(maxDays));
    int paid = 0;
    while (paid < plan.termMonths() - 1
        && !RepaymentScheduleCalculator.dueDate(disbursed, paid + 1).isAfter(yesterday)) {
      paid++;
    }
    return new LoanSpec(disbursed, plan.termMonths(), paid, lastClosed, false);
  }

  private void addLoan(Chunk chunk, SeedPlan plan, LoanSpec spec, String batch, int n, Ids ids,
      SplittableRandom random, ZoneId zone, Counts counts) {
    String loanNumber = "LN" + batch + base32(n, 8);
    String customerId = ids.next();
    String lineId = ids.next();
    String applicationId = "SEED-" + batch + "-" + n;
    LocalDateTime opened = utc(spec.disbursedOn(), zone);
    String grade = GRADES[random.nextInt(GRADES.length)];
    BigDecimal principal = BigDecimal.valueOf(1_000L * (3 + random.nextInt(48))).setScale(2);
    BigDecimal rate = BigDecimal.valueOf(60_000L + 2_500L * random.nextInt(24), 6);
    BigDecimal limit = principal.add(BigDecimal.valueOf(1_000L * random.nextInt(6))).setScale(2);

    // the customer, personal data encrypted as CustomerService stores it
    String nationalId = "SANDBOX-PRIME-S" + batch + n;
    String language = random.nextInt(10) == 0 ? "en" : "zh-CN";
    chunk.customers.add(customerId, protection.lookupHash(nationalId), protection.encrypt(nationalId),
        SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
        LocalDate.of(1965 + random.nextInt(37), 1 + random.nextInt(12), 1 + random.nextInt(28)),
        protection.encrypt(String.format("+86138%08d", random.nextInt(100_000_000))),
        protection.encrypt("seed." + batch.toLowerCase() + "." + n + "@example.com"), language, opened, opened, 0L);

    List<ScheduledInstalment> schedule = calculator.schedule(principal, rate, spec.termMonths(), 0,
        spec.disbursedOn());
    BigDecimal outstanding = principal;
    boolean settled = spec.paidLines() == spec.termMonths();
    for (ScheduledInstalment line : schedule) {
      String instalmentId = ids.next();
      boolean paid = line.sequence() <= spec.paidLines();
      chunk.instalments.add(instalmentId, loanNumber, 1, line.sequence(), line.dueDate(), line.principal(),
          line.interest(), line.total(), paid ? line.principal() : BigDecimal.ZERO.setScale(2),
          paid ? line.interest() : BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
          BigDecimal.ZERO.setScale(2), paid ? "PAID" : "DUE", 0L);
      if (!paid) {
        continue;
      }
      // paid on its due date: allocated to the line (penalty, interest, principal), as PaymentService allocates
      outstanding = outstanding.subtract(line.principal());
      boolean last = line.sequence() == spec.termMonths();
      String paymentId = ids.next();
      String reference = applicationId + "-P" + line.sequence();
      LocalDateTime received = utc(line.dueDate(), zone);
      chunk.payments.add(paymentId, reference, loanNumber, CURRENCY, line.total(), line.dueDate(), "DIRECT_DEBIT",
          received, ACTOR, BigDecimal.ZERO.setScale(2), line.interest(), line.principal(),
          BigDecimal.ZERO.setScale(2), outstanding, outstanding, 0, last ? "SETTLED" : "ACTIVE", 1, "NOT_WAITED", 1,
          0, received, 0L);
      chunk.allocations.add(ids.next(), paymentId, instalmentId, 1, line.sequence(), line.dueDate(),
          BigDecimal.ZERO.setScale(2), line.interest(), line.principal());
      chunk.audit.add(ids.next(), received, ACTOR, "PAYMENT_RECEIVED", "loan", loanNumber,
          "payment " + reference + " of " + line.total() + " " + CURRENCY);
    }

    chunk.lines.add(lineId, customerId, applicationId, CURRENCY, limit, limit.subtract(outstanding), outstanding,
        "ACTIVE", grade, opened, 0L);
    chunk.limitChanges.add(ids.next(), lineId, null, limit, "OPENED", DisbursementService.ACTOR, opened);
    chunk.loans.add(loanNumber, customerId, lineId, null, CURRENCY, principal, rate, spec.termMonths(), 0,
        spec.disbursedOn(), schedule.get(0).dueDate(), schedule.get(schedule.size() - 1).dueDate(),
        settled ? "SETTLED" : "ACTIVE", outstanding, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 1,
        0L, opened, spec.lastClosedOn(), BigDecimal.ZERO.setScale(2));
    chunk.disbursements.add(ids.next(), applicationId, loanNumber, CURRENCY, principal, opened, "BOOKED", 0L);
    chunk.audit.add(ids.next(), opened, DisbursementService.ACTOR, "LOAN_DISBURSED", "loan", loanNumber,
        "application " + applicationId);
    // the review schedule the first close of business would have created: opened + 3 months, or spread over 30 days
    LocalDate review = spec.disbursedOn().plusMonths(3);
    if (!review.isAfter(plan.asOf())) {
      review = plan.asOf().plusDays(1 + Math.floorMod(lineId.hashCode(), 30));
    }
    chunk.reviews.add(lineId, customerId, review, opened, 0L);

    if (spec.unpaid()) {
      counts.unpaid++;
    }
    if (settled) {
      counts.settled++;
    }
  }

  /** The rows of one chunk, per table, written in foreign-key order. */
  private static final class Chunk {
    final RowBatch customers = new RowBatch("cf_customer", "id", "national_id_hash", "national_id", "full_name",
        "date_of_birth", "mobile", "email", "preferred_language", "created_at", "updated_at", "version");
    final RowBatch lines = new RowBatch("cf_credit_line", "id", "customer_id", "application_id", "currency",
        "credit_limit", "available_amount", "drawn_amount", "status", "risk_grade", "opened_at", "version");
    final RowBatch limitChanges = new RowBatch("cf_credit_limit_change", "id", "credit_line_id", "previous_limit",
        "new_limit", "reason", "changed_by", "changed_at");
    final RowBatch loans = new RowBatch("cf_loan", "loan_number", "customer_id", "credit_line_id", "application_id",
        "currency", "principal", "annual_rate", "term_months", "interest_free_months", "disbursed_on",
        "first_due_date", "maturity_date", "status", "outstanding_principal", "outstanding_interest",
        "outstanding_penalty", "days_past_due", "schedule_version", "version", "created_at", "last_closed_on",
        "penalty_accrued");
    final RowBatch instalments = new RowBatch("cf_instalment", "id", "loan_number", "schedule_version",
        "sequence_number", "due_date", "principal_due", "interest_due", "total_due", "principal_paid",
        "interest_paid", "penalty_paid", "penalty_accrued", "status", "version");
    final RowBatch disbursements = new RowBatch("cf_disbursement", "id", "idempotency_key", "loan_number",
        "currency", "amount", "disbursed_at", "status", "version");
    final RowBatch payments = new RowBatch("cf_payment", "id", "payment_reference", "loan_number", "currency",
        "amount", "value_date", "channel", "received_at", "received_by", "penalty_paid", "interest_paid",
        "principal_paid", "prepaid_principal", "balance_after", "principal_after", "days_past_due_after",
        "loan_status_after", "schedule_version_after", "correlation_status", "correlation_attempts",
        "correlated_instances", "correlated_at", "version");
    final RowBatch allocations = new RowBatch("cf_payment_allocation", "id", "payment_id", "instalment_id",
        "schedule_version", "sequence_number", "due_date", "penalty", "interest", "principal");
    final RowBatch audit = new RowBatch("cf_audit_event", "id", "occurred_at", "actor", "action", "subject_type",
        "subject_id", "detail");
    final RowBatch reviews = new RowBatch("cf_credit_review", "credit_line_id", "customer_id", "next_review_date",
        "updated_at", "version");

    long write(DataSource dataSource) {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        long rows = 0;
        for (RowBatch batch : List.of(customers, lines, limitChanges, loans, instalments, disbursements, payments,
            allocations, audit, reviews)) {
          rows += batch.flush(connection);
        }
        return rows;
      } catch (SQLException e) {
        throw new IllegalStateException("Seeding a chunk failed: " + e.getMessage(), e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
  }

  private static final class Counts {
    long rows;
    int unpaid;
    int settled;
  }

  /**
   * Time-ordered UUID strings (version 7 layout: 48 bits of milliseconds, then a counter where the random bits would
   * be), so that seeded rows append to their primary-key index.
   */
  static final class Ids {
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();
    private final long millis = System.currentTimeMillis();

    String next() {
      long c = COUNTER.getAndIncrement();
      long high = (millis << 16) | 0x7000L | ((c >>> 62) & 0x0FFFL);
      long low = 0x8000_0000_0000_0000L | (c & 0x3FFF_FFFF_FFFF_FFFFL);
      return new java.util.UUID(high, low).toString();
    }
  }

  private static LocalDateTime utc(LocalDate date, ZoneId zone) {
    return LocalDateTime.ofInstant(date.atTime(BUSINESS_HOUR).atZone(zone).toInstant(), ZoneOffset.UTC);
  }

  static String base32(long value, int width) {
    char[] digits = new char[width];
    long v = value;
    for (int i = width - 1; i >= 0; i--) {
      digits[i] = BASE32[(int) (v & 31)];
      v >>>= 5;
    }
    if (v != 0) {
      throw new IllegalArgumentException(value + " does not fit in " + width + " base-32 digits");
    }
    return new String(digits);
  }

  /** A loan-number prefix no loan has yet. */
  private String freshBatch() {
    SplittableRandom random = new SplittableRandom(System.nanoTime());
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    for (int attempt = 0; ; attempt++) {
      String batch = randomChars(random, 4);
      Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM cf_loan WHERE loan_number >= ? AND loan_number < ?",
          Integer.class, "LN" + batch, "LN" + batch + "~");
      if (taken == null || taken == 0 || attempt > 20) {
        return batch;
      }
    }
  }

  private static String randomChars(SplittableRandom random, int count) {
    StringBuilder chars = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      chars.append(BASE32[random.nextInt(BASE32.length)]);
    }
    return chars.toString();
  }
}
