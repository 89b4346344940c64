package io.creditflow.servicing;

import static io.creditflow.servicing.Ledger.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@CreditFlowWebTest
class PaymentServiceTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @Autowired PaymentService payments;
  @Autowired io.creditflow.notification.NotificationService notifications;
  @Autowired org.springframework.context.ApplicationEventPublisher events;
  @Autowired DisbursementService disbursements;
  @Autowired LedgerDailyClose close;
  @Autowired LoanQueries queries;
  @Autowired LoanRepository loans;
  @Autowired InstalmentRepository instalments;
  @Autowired CreditLineRepository creditLines;
  @Autowired PaymentRepository paymentRepository;
  @Autowired PaymentAllocationRepository allocations;
  @Autowired PaymentCorrelator correlator;
  @Autowired ServicingProperties rules;
  @Autowired AuditTrail auditTrail;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Clock clock;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void disbursementDay() {
    Ledger.today(DISBURSED);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    FlakyDelegate.FAILING.set(false);
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  static PaymentCommand command(String amount, LocalDate valueDate) {
    return new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal(amount), valueDate,
        PaymentChannel.PAYMENT_GATEWAY);
  }

  @Test
  void aPaymentIsAllocatedOldestInstalmentFirstAndStoredWithItsLines() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 31));
    Ledger.today(LocalDate.of(2027, 4, 1));

    // the first instalment: 1.60 penalty (32 days × 0.05), 12.00 interest, 94.62 principal; then 0.05 penalty
    // and 5.00 of interest of the second
    PaymentResult result = payments.post(loanNumber, command("113.27", LocalDate.of(2027, 4, 1)));

    assertThat(result.created()).isTrue();
    PaymentView view = result.payment();
    assertThat(view.allocations()).hasSize(2);
    assertThat(view.allocations().get(0)).satisfies(line -> {
      assertThat(line.sequenceNumber()).isEqualTo(1);
      assertThat(line.penalty()).isEqualTo(money("1.60"));
      assertThat(line.interest()).isEqualTo(money("12.00"));
      assertThat(line.principal()).isEqualTo(money("94.62"));
    });
    assertThat(view.allocations().get(1)).satisfies(line -> {
      assertThat(line.sequenceNumber()).isEqualTo(2);
      assertThat(line.penalty()).isEqualTo(money("0.05"));
      assertThat(line.interest()).isEqualTo(money("5.00"));
      assertThat(line.principal()).isEqualTo(money("0.00"));
    });
    assertThat(view.penaltyPaid()).isEqualTo(money("1.65"));
    assertThat(view.interestPaid()).isEqualTo(money("17.00"));
    assertThat(view.principalPaid()).isEqualTo(money("94.62"));
    assertThat(view.prepaidPrincipal()).isEqualTo(money("0.00"));
    assertThat(view.outstandingPrincipalAfter()).isEqualTo(money("1105.38"));
    // the second instalment (due 31 March) is still unpaid: one day past due at the last close
    assertThat(view.daysPastDueAfter()).isEqualTo(1);
    assertThat(view.loanStatusAfter()).isEqualTo(LoanStatus.DELINQUENT);

    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getOutstandingPenalty()).isEqualTo(money("0.00"));
    // 11.05 interest of the second instalment less 5.00 paid
    assertThat(loan.getOutstandingInterest()).isEqualTo(money("6.05"));
    assertThat(view.balanceAfter()).isEqualTo(money("1111.43"));
    List<Instalment> schedule = queries.loan(loanNumber).orElseThrow().schedule();
    assertThat(schedule.get(0).getStatus()).isEqualTo(InstalmentStatus.PAID);
    assertThat(schedule.get(1).getStatus()).isEqualTo(InstalmentStatus.OVERDUE);
    assertThat(schedule.get(1).getInterestPaid()).isEqualTo(money("5.00"));
    // repaid principal is available on the revolving line again: 10,000 − 1,200 + 94.62
    assertThat(creditLines.findById(loan.getCreditLineId()).orElseThrow().getAvailableAmount())
        .isEqualTo(money("8894.62"));
    assertThat(auditTrail.of("loan", loanNumber)).extracting(event -> event.getAction())
        .contains("PAYMENT_RECEIVED");
  }

  @Test
  void theSameReferenceAnswersTheStoredPaymentAndADifferentPaymentUnderItIsAConflict() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    PaymentCommand command = command("50.00", DISBURSED);
    PaymentResult first = payments.post(loanNumber, command);
    Ledger.today(DISBURSED.plusDays(3));

    PaymentResult again = payments.post(loanNumber, new PaymentCommand(command.paymentReference(),
        new BigDecimal("50"), command.valueDate(), command.channel()));

    assertThat(again.created()).isFalse();
    assertThat(again.payment()).isEqualTo(first.payment());
    assertThat(paymentRepository.findByLoanNumberOrderByReceivedAtAscIdAsc(loanNumber)).hasSize(1);
    assertThatThrownBy(() -> payments.post(loanNumber, new PaymentCommand(command.paymentReference(),
        new BigDecimal("50.01"), command.valueDate(), command.channel())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> payments.post(loanNumber, new PaymentCommand(command.paymentReference(),
        command.amount(), command.valueDate(), PaymentChannel.BRANCH)))
        .isInstanceOf(ConflictException.class);
    String other = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    assertThatThrownBy(() -> payments.post(other, command)).isInstanceOf(ConflictException.class);
  }

  @Test
  void anAmountAboveEverythingOwedAFutureValueDateAndAnUnknownLoanAreRefusedAndStoreNothing() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    Ledger.today(LocalDate.of(2027, 3, 1));
    long stored = paymentRepository.count();

    // owed on 1 March: 1,200.00 principal + 12.00 interest of the instalment due 28 February
    assertThatThrownBy(() -> payments.post(loanNumber, command("1212.01", LocalDate.of(2027, 3, 1))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .singleElement().satisfies(p -> {
              assertThat(p.field()).isEqualTo("amount");
              assertThat(p.message()).contains("1212.00");
            }));
    assertThatThrownBy(() -> payments.post(loanNumber, command("10.00", LocalDate.of(2027, 3, 2))))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("valueDate"));
    assertThatThrownBy(() -> payments.post(loanNumber, command("10.00", LocalDate.of(2027, 1, 30))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> payments.post(loanNumber, command("10.001", LocalDate.of(2027, 3, 1))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> payments.post(loanNumber, command("0.00", LocalDate.of(2027, 3, 1))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> payments.post("LN0000000000ZZ", command("10.00", LocalDate.of(2027, 3, 1))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> payments.post("nonsense", command("10.00", LocalDate.of(2027, 3, 1))))
        .isInstanceOf(NotFoundException.class);

    assertThat(paymentRepository.count()).isEqualTo(stored);
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getOutstandingPrincipal()).isEqualTo(money("1200.00"));
    assertThat(loan.getVersion()).isZero();
  }

  @Test
  void paymentsBelowTheInstalmentArePartialAndPayingTheArrearsMakesTheLoanActiveAgain() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    DailyClose.DayEnd dayEnd = close.closeDay(loanNumber, LocalDate.of(2027, 3, 2));
    assertThat(dayEnd.status()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(dayEnd.daysPastDue()).isEqualTo(3);
    Ledger.today(LocalDate.of(2027, 3, 3));

    PaymentView partial = payments.post(loanNumber, command("50.00", LocalDate.of(2027, 3, 3))).payment();
    // 0.15 penalty (3 days × 0.05), 12.00 interest, 37.85 principal
    assertThat(partial.penaltyPaid()).isEqualTo(money("0.15"));
    assertThat(partial.interestPaid()).isEqualTo(money("12.00"));
    assertThat(partial.principalPaid()).isEqualTo(money("37.85"));
    assertThat(partial.loanStatusAfter()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(queries.loan(loanNumber).orElseThrow().schedule().get(0).getStatus())
        .isEqualTo(InstalmentStatus.OVERDUE);

    PaymentView cure = payments.post(loanNumber, command("56.77", LocalDate.of(2027, 3, 3))).payment();
    assertThat(cure.principalPaid()).isEqualTo(money("56.77"));
    assertThat(cure.daysPastDueAfter()).isZero();
    assertThat(cure.loanStatusAfter()).isEqualTo(LoanStatus.ACTIVE);
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(loan.getDaysPastDue()).isZero();
    assertThat(queries.loan(loanNumber).orElseThrow().schedule().get(0).getStatus())
        .isEqualTo(InstalmentStatus.PAID);
    // the next close finds nothing past due
    assertThat(close.closeDay(loanNumber, LocalDate.of(2027, 3, 3)).daysPastDue()).isZero();
  }

  @Test
  void aPrepaymentWritesANewScheduleVersionAndKeepsTheOldOne() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    Ledger.today(LocalDate.of(2027, 2, 28));

    PaymentView view = payments.post(loanNumber, command("606.62", LocalDate.of(2027, 2, 28))).payment();

    assertThat(view.prepaidPrincipal()).isEqualTo(money("500.00"));
    assertThat(view.scheduleVersionAfter()).isEqualTo(2);
    assertThat(view.outstandingPrincipalAfter()).isEqualTo(money("605.38"));
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getScheduleVersion()).isEqualTo(2);
    assertThat(loan.getMaturityDate()).isEqualTo(LocalDate.of(2028, 1, 31));
    List<Instalment> old = instalments.findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber, 1);
    List<Instalment> current = queries.loan(loanNumber).orElseThrow().schedule();
    assertThat(old).hasSize(12);
    assertThat(old.get(0).getStatus()).isEqualTo(InstalmentStatus.PAID);
    assertThat(old.get(1).getTotalDue()).isEqualTo(money("106.62"));
    assertThat(current).hasSize(12).allSatisfy(line -> assertThat(line.getScheduleVersion()).isEqualTo(2));
    assertThat(current.get(0).getStatus()).isEqualTo(InstalmentStatus.PAID);
    assertThat(current.subList(1, 12).stream().map(Instalment::getPrincipalDue)
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("605.38");
    assertThat(current.get(1).getTotalDue()).isLessThan(old.get(1).getTotalDue());
    assertThat(current.get(11).getDueDate()).isEqualTo(old.get(11).getDueDate());
  }

  @Test
  void payingEverythingSettlesTheLoanAndReleasesTheCreditLine() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 1));
    Ledger.today(LocalDate.of(2027, 3, 2));
    Loan before = loans.findById(loanNumber).orElseThrow();
    // 1,200.00 + 12.00 interest + 0.10 penalty (2 days)
    assertThat(before.getBalance()).isEqualTo(money("1212.10"));

    PaymentView view = payments.post(loanNumber, command("1212.10", LocalDate.of(2027, 3, 2))).payment();

    assertThat(view.loanStatusAfter()).isEqualTo(LoanStatus.SETTLED);
    assertThat(view.balanceAfter()).isEqualTo(money("0.00"));
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.SETTLED);
    assertThat(loan.getDaysPastDue()).isZero();
    assertThat(creditLines.findById(loan.getCreditLineId()).orElseThrow().getAvailableAmount())
        .isEqualTo(money("10000.00"));
    assertThat(auditTrail.of("loan", loanNumber)).extracting(event -> event.getAction())
        .contains("LOAN_SETTLED");
    assertThat(close.openLoans(loanNumber.substring(0, 13), 1000)).doesNotContain(loanNumber);
    // the close of business will not see it: the settlement notice and the bureau record come with the payment
    assertThat(notifications.of("loan", loanNumber)).extracting(n -> n.getType()).containsOnlyOnce("LOAN_SETTLED");
    assertThat(jdbc.queryForList("SELECT kind FROM cf_bureau_report WHERE loan_number = ? AND as_of = ?",
        String.class, loanNumber, LocalDate.of(2027, 3, 2))).containsExactly("SETTLED");
    // nothing more can be paid
    assertThatThrownBy(() -> payments.post(loanNumber, command("0.01", LocalDate.of(2027, 3, 2))))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void twoConcurrentIdenticalRequestsStoreExactlyOnePayment() throws Exception {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    PaymentCommand command = command("100.00", DISBURSED);
    CountDownLatch bothChecked = new CountDownLatch(2);
    PaymentService held = new PaymentService(loans, instalments, creditLines, paymentRepository, allocations,
        auditTrail, correlator, rules, clock, transactionManager, events, () -> {
          bothChecked.countDown();
          try {
            bothChecked.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<PaymentResult> results = new ArrayList<>();
    try {
      List<Future<PaymentResult>> futures = List.of(pool.submit(() -> {
        Ledger.today(DISBURSED);
        return held.post(loanNumber, command);
      }), pool.submit(() -> {
        Ledger.today(DISBURSED);
        return held.post(loanNumber, command);
      }));
      for (Future<PaymentResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(results).extracting(PaymentResult::created).containsExactlyInAnyOrder(true, false);
    assertThat(results.get(0).payment()).isEqualTo(results.get(1).payment());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_payment WHERE payment_reference = ?", Long.class,
        command.paymentReference())).isEqualTo(1L);
    assertThat(loans.findById(loanNumber).orElseThrow().getOutstandingPrincipal()).isEqualTo(money("1100.00"));
  }

  @Test
  void aPaymentReachesTheProcessesWaitingForItAndNoneWaitingIsFine() {
    deploy(Bpmn.createExecutableProcess("paymentWaitTest").camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("waitForPayment").message(PaymentCorrelator.MESSAGE)
        .userTask("afterPayment").camundaCandidateGroups("collectors")
        .endEvent()
        .done());
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    String unwatched = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    ProcessInstance waiting = runtime.startProcessInstanceByKey("paymentWaitTest", loanNumber);

    PaymentCommand command = command("30.00", DISBURSED);
    payments.post(loanNumber, command);

    assertThat(runtime.createExecutionQuery().processInstanceId(waiting.getId()).activityId("afterPayment").count())
        .isEqualTo(1);
    assertThat(runtime.getVariable(waiting.getId(), "paymentReference")).isEqualTo(command.paymentReference());
    assertThat(runtime.getVariable(waiting.getId(), "amount")).isEqualTo(30.0);
    Payment stored = paymentRepository.findByPaymentReference(command.paymentReference()).orElseThrow();
    assertThat(stored.getCorrelationStatus()).isEqualTo(CorrelationStatus.DELIVERED);
    assertThat(stored.getCorrelatedInstances()).isEqualTo(1);
    assertThat(stored.getCorrelationAttempts()).isEqualTo(1);

    PaymentCommand other = command("30.00", DISBURSED);
    payments.post(unwatched, other);
    assertThat(paymentRepository.findByPaymentReference(other.paymentReference()).orElseThrow()
        .getCorrelationStatus()).isEqualTo(CorrelationStatus.NOT_WAITED);
  }

  @Test
  void theWaitingProcessTakesThePaymentInsideTheBookingsTransaction() {
    deployPaymentWaiter("paymentProbeTest", ProbeDelegate.class);
    ProbeDelegate.SEEN.set(null);
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    runtime.startProcessInstanceByKey("paymentProbeTest", loanNumber);
    // what another connection sees of the loan while the process takes the message
    TransactionTemplate outside = new TransactionTemplate(transactionManager);
    outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    ProbeDelegate.PROBE.set(() -> outside.execute(status -> jdbc.queryForObject(
        "SELECT outstanding_principal FROM cf_loan WHERE loan_number = ?", BigDecimal.class, loanNumber)));
    try {
      payments.post(loanNumber, command("30.00", DISBURSED));
    } finally {
      ProbeDelegate.PROBE.set(() -> null);
    }

    // the booking was not committed yet when the process ran: the same transaction
    assertThat((BigDecimal) ProbeDelegate.SEEN.get()).isEqualByComparingTo("1200.00");
    assertThat(loans.findById(loanNumber).orElseThrow().getOutstandingPrincipal()).isEqualTo(money("1170.00"));
  }

  @Test
  void aFailedDeliveryKeepsThePaymentAndIsRedeliveredLater() {
    deployPaymentWaiter("paymentFlakyTest", FlakyDelegate.class);
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    ProcessInstance waiting = runtime.startProcessInstanceByKey("paymentFlakyTest", loanNumber);
    FlakyDelegate.FAILING.set(true);

    PaymentCommand command = command("30.00", DISBURSED);
    PaymentResult result = payments.post(loanNumber, command);

    assertThat(result.created()).isTrue();
    Payment stored = paymentRepository.findByPaymentReference(command.paymentReference()).orElseThrow();
    assertThat(stored.getCorrelationStatus()).isEqualTo(CorrelationStatus.FAILED);
    assertThat(stored.getCorrelationError()).contains("IllegalStateException");
    assertThat(loans.findById(loanNumber).orElseThrow().getOutstandingPrincipal()).isEqualTo(money("1170.00"));
    // tried with the booking first: that booking was rolled back whole, and the payment booked once, then delivered
    // after the commit
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_payment WHERE loan_number = ?", Long.class, loanNumber))
        .isEqualTo(1L);
    assertThat(auditTrail.of("loan", loanNumber)).extracting(event -> event.getAction())
        .containsOnlyOnce("PAYMENT_RECEIVED");
    assertThat(loans.findById(loanNumber).orElseThrow().getScheduleVersion()).isEqualTo(2); // one prepayment
    assertThat(runtime.createExecutionQuery().processInstanceId(waiting.getId()).activityId("afterPayment").count())
        .isZero();

    FlakyDelegate.FAILING.set(false);
    PaymentService.Redelivery redelivery = payments.redeliverFailedCorrelations();

    assertThat(redelivery.delivered()).isGreaterThanOrEqualTo(1);
    assertThat(paymentRepository.findByPaymentReference(command.paymentReference()).orElseThrow()
        .getCorrelationStatus()).isEqualTo(CorrelationStatus.DELIVERED);
    assertThat(runtime.createExecutionQuery().processInstanceId(waiting.getId()).activityId("afterPayment").count())
        .isEqualTo(1);
    assertThat(runtime.getVariable(waiting.getId(), "paymentReference")).isEqualTo(command.paymentReference());
  }

  /**
   * Process {@code key}: waits for PaymentReceived, runs {@code delegate} as service task {@code takePayment}, then
   * waits at user task {@code afterPayment}.
   */
  private void deployPaymentWaiter(String key, Class<? extends JavaDelegate> delegate) {
    deploy(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent().message(PaymentCorrelator.MESSAGE)
        .serviceTask("takePayment").camundaClass(delegate.getName())
        .userTask("afterPayment").camundaCandidateGroups("collectors")
        .endEvent()
        .done());
  }

  private void deploy(BpmnModelInstance model) {
    String name = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
        .getId() + ".bpmn";
    deployments.add(repository.createDeployment().addModelInstance(name, model).deploy().getId());
  }
}
