package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.servicing.LoanQueries.CreditLineWithHistory;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@CreditFlowWebTest
class DisbursementServiceTest {

  /** 20:00:30 UTC on 30 January is 04:00:30 on 31 January in Asia/Shanghai, the business zone. */
  private static final Instant NOW = Instant.parse("2027-01-30T20:00:30.456Z");

  @Autowired DisbursementService service;
  @Autowired LoanQueries queries;
  @Autowired CreditLineRepository creditLines;
  @Autowired CreditLimitChangeRepository limitChanges;
  @Autowired LoanRepository loans;
  @Autowired InstalmentRepository instalments;
  @Autowired DisbursementRepository disbursements;
  @Autowired AuditTrail auditTrail;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void fixTheClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void booksTheCreditLineItsLimitHistoryTheLoanItsScheduleAndTheDisbursement() {
    DisbursementRequest request = request("50000.00", "80000.00", 24, "0.0720", 0);

    DisbursementResult result = service.disburse(request);

    assertThat(LoanNumbers.isWellFormed(result.loanNumber())).as(result.loanNumber()).isTrue();
    assertThat(result.firstDueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    // 50,000.00 at 7.20 % over 24 months: 2,243.17 (worked in RepaymentScheduleCalculatorTest)
    assertThat(result.firstInstalment()).isEqualTo(money("2243.17"));
    assertThat(result.creditLimit()).isEqualTo(money("80000.00"));
    assertThat(result.availableAmount()).isEqualTo(money("30000.00"));
    assertThat(result.alreadyDisbursed()).isFalse();

    LoanWithSchedule booked = queries.loan(result.loanNumber()).orElseThrow();
    Loan loan = booked.loan();
    assertThat(loan.getCustomerId()).isEqualTo(request.customerId());
    assertThat(loan.getCreditLineId()).isEqualTo(result.creditLineId());
    assertThat(loan.getApplicationId()).isEqualTo(request.applicationId());
    assertThat(loan.getCurrency()).isEqualTo("CNY");
    assertThat(loan.getPrincipal()).isEqualTo(money("50000.00"));
    assertThat(loan.getAnnualRate()).isEqualTo(new BigDecimal("0.072000"));
    assertThat(loan.getTermMonths()).isEqualTo(24);
    assertThat(loan.getInterestFreeMonths()).isZero();
    assertThat(loan.getDisbursedOn()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(loan.getFirstDueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(loan.getMaturityDate()).isEqualTo(LocalDate.of(2029, 1, 31));
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(loan.getOutstandingPrincipal()).isEqualTo(money("50000.00"));
    assertThat(loan.getOutstandingInterest()).isEqualTo(money("0.00"));
    assertThat(loan.getOutstandingPenalty()).isEqualTo(money("0.00"));
    assertThat(loan.getDaysPastDue()).isZero();
    assertThat(loan.getScheduleVersion()).isEqualTo(1);
    assertThat(loan.getVersion()).isZero();
    assertThat(loan.getCreatedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));

    List<Instalment> schedule = booked.schedule();
    assertThat(schedule).hasSize(24);
    assertThat(schedule).extracting(Instalment::getSequenceNumber)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 24).boxed().toList());
    assertThat(schedule.stream().map(Instalment::getPrincipalDue).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("50000.00");
    assertThat(schedule).allSatisfy(line -> {
      assertThat(line.getLoanNumber()).isEqualTo(result.loanNumber());
      assertThat(line.getScheduleVersion()).isEqualTo(1);
      assertThat(line.getStatus()).isEqualTo(InstalmentStatus.DUE);
      assertThat(line.getTotalDue()).isEqualTo(line.getPrincipalDue().add(line.getInterestDue()));
      assertThat(List.of(line.getPrincipalPaid(), line.getInterestPaid(), line.getPenaltyPaid()))
          .containsOnly(money("0.00"));
    });
    assertThat(schedule.get(0).getDueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(schedule.get(1).getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(schedule.get(0).getTotalDue()).isEqualTo(money("2243.17"));
    assertThat(schedule.get(23).getTotalDue()).isEqualTo(money("2243.02"));

    CreditLineWithHistory opened = queries.creditLineOfApplication(request.applicationId()).orElseThrow();
    CreditLine line = opened.creditLine();
    assertThat(line.getId()).isEqualTo(result.creditLineId());
    assertThat(line.getCustomerId()).isEqualTo(request.customerId());
    assertThat(line.getStatus()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(line.getRiskGrade()).isEqualTo(RiskGrade.B);
    assertThat(line.getCurrency()).isEqualTo("CNY");
    assertThat(line.getCreditLimit()).isEqualTo(money("80000.00"));
    assertThat(line.getAvailableAmount()).isEqualTo(money("30000.00"));
    assertThat(line.getOpenedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));
    assertThat(opened.limitChanges()).singleElement().satisfies(change -> {
      assertThat(change.getCreditLineId()).isEqualTo(line.getId());
      assertThat(change.getPreviousLimit()).isNull();
      assertThat(change.getNewLimit()).isEqualTo(money("80000.00"));
      assertThat(change.getReason()).isEqualTo(LimitChangeReason.OPENED);
      assertThat(change.getChangedBy()).isEqualTo(DisbursementService.ACTOR);
      assertThat(change.getChangedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));
    });

    assertThat(disbursements.findByIdempotencyKey(request.applicationId())).hasValueSatisfying(disbursement -> {
      assertThat(disbursement.getLoanNumber()).isEqualTo(result.loanNumber());
      assertThat(disbursement.getAmount()).isEqualTo(money("50000.00"));
      assertThat(disbursement.getCurrency()).isEqualTo("CNY");
      assertThat(disbursement.getStatus()).isEqualTo(DisbursementStatus.BOOKED);
      assertThat(disbursement.getDisbursedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));
    });
    assertThat(auditTrail.of("loan", result.loanNumber())).singleElement().satisfies(event -> {
      assertThat(event.getAction()).isEqualTo("LOAN_DISBURSED");
      assertThat(event.getActor()).isEqualTo(DisbursementService.ACTOR);
    });
    assertStored(request.applicationId(), 1, 24);
  }

  @Test
  void interestFreeMonthsAreBookedAsCalculated() {
    DisbursementRequest request = request("12000.00", "12000.00", 12, "0.12", 3);

    DisbursementResult result = service.disburse(request);

    assertThat(result.firstInstalment()).isEqualTo(money("1000.00"));
    assertThat(result.availableAmount()).isEqualTo(money("0.00"));
    assertThat(queries.loan(result.loanNumber()).orElseThrow().schedule())
        .extracting(Instalment::getInterestDue)
        .startsWith(money("0.00"), money("0.00"), money("0.00"), money("90.00"));
  }

  @Test
  void aSecondCallForTheSameApplicationReturnsTheFirstBookingAndBooksNothing() {
    DisbursementRequest request = request("3000.00", "5000.00", 6, "0.179", 0);
    DisbursementResult first = service.disburse(request);

    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(86_400 * 3)));
    DisbursementResult second = service.disburse(request);

    assertThat(second).isEqualTo(new DisbursementResult(first.loanNumber(), first.creditLineId(),
        first.firstDueDate(), first.firstInstalment(), first.creditLimit(), first.availableAmount(), true));
    assertStored(request.applicationId(), 1, 6);
    assertThat(loans.findById(first.loanNumber()).orElseThrow().getVersion()).isZero();
  }

  @Test
  void theSameApplicationOnDifferentTermsIsRefused() {
    DisbursementRequest request = request("3000.00", "5000.00", 6, "0.179", 0);
    service.disburse(request);

    DisbursementRequest larger = new DisbursementRequest(request.applicationId(), request.customerId(), "CNY",
        money("5000.00"), money("4000.00"), 6, new BigDecimal("0.179"), 0, "B");
    assertThatThrownBy(() -> service.disburse(larger))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("different terms");
    assertStored(request.applicationId(), 1, 6);
  }

  @Test
  void twoThreadsDisbursingTheSameApplicationAtOnceBookOneLoan() throws Exception {
    DisbursementRequest request = request("8000.00", "10000.00", 12, "0.0899", 0);
    CountDownLatch start = new CountDownLatch(1);

    List<DisbursementResult> results = race(2, () -> {
      start.await();
      return service.disburse(request);
    }, start::countDown);

    assertOneBooking(request, results);
  }

  /**
   * Both callers are held after the duplicate check, so both try to book: the database refuses one of them, which
   * rolls back, re-reads and returns the other's booking.
   */
  @Test
  void whenBothPassTheCheckTheUniqueConstraintLetsOnlyOneBook() throws Exception {
    DisbursementRequest request = request("8000.00", "10000.00", 12, "0.0899", 0);
    CountDownLatch bothChecked = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    DisbursementService held = service(new LoanNumbers()::next, () -> {
      attempts.incrementAndGet();
      bothChecked.countDown();
      await(bothChecked);
    });

    List<DisbursementResult> results = race(2, () -> held.disburse(request), () -> {});

    assertOneBooking(request, results);
    assertThat(attempts.get()).as("booking attempts").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aLoanNumberCollisionIsRetriedWithAFreshNumber() {
    DisbursementResult existing = service.disburse(request("1000.00", "1000.00", 3, "0.05", 0));
    String fresh = new LoanNumbers().next();
    List<String> numbers = new ArrayList<>(List.of(existing.loanNumber(), fresh));
    DisbursementService colliding = service(() -> numbers.remove(0), () -> {});
    DisbursementRequest request = request("2000.00", "2000.00", 3, "0.05", 0);

    DisbursementResult result = colliding.disburse(request);

    assertThat(result.loanNumber()).isEqualTo(fresh);
    assertThat(result.alreadyDisbursed()).isFalse();
    assertThat(numbers).isEmpty();
    assertStored(request.applicationId(), 1, 3);
    assertThat(loans.findById(existing.loanNumber()).orElseThrow().getPrincipal()).isEqualTo(money("1000.00"));
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        Arguments.of("amount zero", (UnaryOperator<DisbursementRequest>) r -> with(r, "amount", "0.00")),
        Arguments.of("amount negative", (UnaryOperator<DisbursementRequest>) r -> with(r, "amount", "-10.00")),
        Arguments.of("amount above the limit", (UnaryOperator<DisbursementRequest>) r -> with(r, "amount", "5000.01")),
        Arguments.of("fractions of a cent", (UnaryOperator<DisbursementRequest>) r -> with(r, "amount", "100.005")),
        Arguments.of("term zero", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, 0, 0)),
        Arguments.of("term negative", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, -12, 0)),
        Arguments.of("term too long", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, 361, 0)),
        Arguments.of("interest-free = term", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, 12, 12)),
        Arguments.of("interest-free > term", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, 12, 13)),
        Arguments.of("interest-free negative", (UnaryOperator<DisbursementRequest>) r -> withTerm(r, 12, -1)),
        Arguments.of("rate as a percentage", (UnaryOperator<DisbursementRequest>) r -> with(r, "annualRate", "7.2")),
        Arguments.of("rate negative", (UnaryOperator<DisbursementRequest>) r -> with(r, "annualRate", "-0.01")),
        Arguments.of("rate too precise", (UnaryOperator<DisbursementRequest>) r -> with(r, "annualRate", "0.0720001")),
        Arguments.of("no amount", (UnaryOperator<DisbursementRequest>) r -> with(r, "amount", null)),
        Arguments.of("unknown currency", (UnaryOperator<DisbursementRequest>) r -> with(r, "currency", "XYZ")),
        Arguments.of("lower-case currency", (UnaryOperator<DisbursementRequest>) r -> with(r, "currency", "cny")),
        Arguments.of("unknown risk grade", (UnaryOperator<DisbursementRequest>) r -> with(r, "riskGrade", "F")),
        Arguments.of("no customer", (UnaryOperator<DisbursementRequest>) r -> with(r, "customerId", " ")),
        Arguments.of("customer id too long", (UnaryOperator<DisbursementRequest>) r -> with(r, "customerId",
            "x".repeat(37))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void invalidRequestsAreRejectedAndStoreNothing(String name, UnaryOperator<DisbursementRequest> spoil) {
    DisbursementRequest request = spoil.apply(request("1000.00", "5000.00", 12, "0.0720", 0));
    long loansBefore = count("cf_loan");
    long linesBefore = count("cf_credit_line");

    assertThatThrownBy(() -> service.disburse(request)).isInstanceOf(IllegalArgumentException.class);

    assertStored(request.applicationId(), 0, 0);
    assertThat(count("cf_loan")).isEqualTo(loansBefore);
    assertThat(count("cf_credit_line")).isEqualTo(linesBefore);
  }

  @Test
  void aRequestWithoutApplicationIsRejected() {
    DisbursementRequest request = new DisbursementRequest(null, UUID.randomUUID().toString(), "CNY",
        money("5000.00"), money("1000.00"), 12, new BigDecimal("0.05"), 0, "A");

    assertThatThrownBy(() -> service.disburse(request)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service.disburse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queriesFindNothingForUnknownOrMalformedKeys() {
    assertThat(queries.loan(new LoanNumbers().next())).isEmpty();
    assertThat(queries.loan("not a loan number")).isEmpty();
    assertThat(queries.loan(null)).isEmpty();
    assertThat(queries.creditLineOfApplication("APP-" + UUID.randomUUID())).isEmpty();
    assertThat(queries.creditLineOfApplication(null)).isEmpty();
  }

  private void assertOneBooking(DisbursementRequest request, List<DisbursementResult> results) {
    assertThat(results).hasSize(2);
    assertThat(results).extracting(DisbursementResult::loanNumber).containsOnly(results.get(0).loanNumber());
    assertThat(results).extracting(DisbursementResult::creditLineId).containsOnly(results.get(0).creditLineId());
    assertThat(results).extracting(DisbursementResult::alreadyDisbursed).containsExactlyInAnyOrder(false, true);
    assertStored(request.applicationId(), 1, 12);
    assertThat(results.get(0).availableAmount()).isEqualTo(money("2000.00"));
  }

  /** Rows stored for the application: credit lines, limit changes, loans and disbursements, and schedule lines. */
  private void assertStored(String applicationId, int bookings, int scheduleLines) {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_credit_line WHERE application_id = ?", Long.class,
        applicationId)).as("credit lines").isEqualTo(bookings);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_credit_limit_change c JOIN cf_credit_line l"
        + " ON l.id = c.credit_line_id WHERE l.application_id = ?", Long.class, applicationId))
        .as("limit changes").isEqualTo(bookings);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_loan WHERE application_id = ?", Long.class,
        applicationId)).as("loans").isEqualTo(bookings);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_disbursement WHERE idempotency_key = ?", Long.class,
        applicationId)).as("disbursements").isEqualTo(bookings);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_instalment i JOIN cf_loan l"
        + " ON l.loan_number = i.loan_number WHERE l.application_id = ?", Long.class, applicationId))
        .as("schedule lines").isEqualTo(scheduleLines);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private DisbursementService service(Supplier<String> loanNumbers, Runnable beforeBooking) {
    return new DisbursementService(creditLines, limitChanges, loans, instalments, disbursements, auditTrail,
        transactionManager, clock, loanNumbers, beforeBooking);
  }

  private static List<DisbursementResult> race(int callers, Callable<DisbursementResult> call, Runnable go)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<DisbursementResult>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(call));
      }
      go.run();
      List<DisbursementResult> results = new ArrayList<>();
      for (Future<DisbursementResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other caller never reached the booking");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static DisbursementRequest request(String amount, String limit, int term, String rate, int free) {
    return new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(), "CNY", money(limit),
        money(amount), term, new BigDecimal(rate), free, "B");
  }

  private static DisbursementRequest with(DisbursementRequest r, String field, String value) {
    return new DisbursementRequest(r.applicationId(),
        field.equals("customerId") ? value : r.customerId(),
        field.equals("currency") ? value : r.currency(),
        r.creditLimit(),
        field.equals("amount") ? (value == null ? null : new BigDecimal(value)) : r.amount(),
        r.termMonths(),
        field.equals("annualRate") ? new BigDecimal(value) : r.annualRate(),
        r.interestFreeMonths(),
        field.equals("riskGrade") ? value : r.riskGrade());
  }

  private static DisbursementRequest withTerm(DisbursementRequest r, int term, int free) {
    return new DisbursementRequest(r.applicationId(), r.customerId(), r.currency(), r.creditLimit(), r.amount(),
        term, r.annualRate(), free, r.riskGrade());
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(2);
  }
}
