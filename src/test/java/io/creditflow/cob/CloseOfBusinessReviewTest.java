package io.creditflow.cob;

import static io.creditflow.cob.CobFixture.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationService;
import io.creditflow.review.CreditLimitReview;
import io.creditflow.review.CreditReviewRepository;
import io.creditflow.review.EarlyWarningReview;
import io.creditflow.review.ReviewFixture;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanRepository;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
import io.creditflow.servicing.Instalment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps 5 (periodic review) and 6 (early warnings) of {@code closeOfBusiness} over a seeded book: the fake ledger for
 * the daily close, real credit lines, the sandbox bureau, chunks of 2.
 */
@CobTest
class CloseOfBusinessReviewTest {

  private static final String NOW = "2027-02-10T02:00:00Z";
  private static final LocalDate D = date("2027-02-09");

  @Autowired ProcessEngine engine;
  @Autowired CobRunService runs;
  @Autowired CobRunRepository runRepository;
  @Autowired CobStepRepository stepRepository;
  @Autowired CobLoanErrorRepository loanErrors;
  @Autowired FakeDailyClose ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired DisbursementService disbursements;
  @Autowired NotificationService notifications;
  @Autowired LoanRepository loanRepository;
  @Autowired LoanQueries loans;
  @Autowired CustomerService customers;
  @Autowired CreditReviewRepository reviews;
  @Autowired PaymentService payments;

  private CobFixture cob;
  private ReviewFixture review;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    cob = new CobFixture(engine, jdbc, ledger, disbursements, notifications);
    cob.cleanSlate(NOW);
    review = new ReviewFixture(customers, disbursements, jdbc);
    review.parkAllReviews();
  }

  @AfterEach
  void realTime() {
    review.parkAllReviews(); // no line left due for the close-of-business runs of other tests
    ClockUtil.reset();
  }

  /** A drawn line of this bureau kind, due for review on the business date; returns its loan. */
  private Loan dueLine(String kind, String limit, String drawn, Integer delinquenciesAtLastReview) {
    String customerId = review.customer(kind);
    Loan loan = loans.loan(review.loan(customerId, limit, drawn)).orElseThrow().loan();
    review.reviewDue(loan.getCreditLineId(), customerId, D, delinquenciesAtLastReview);
    return loan;
  }

  private ProcessInstance running(String key, String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  @Test
  void reviewsDueLinesStartsLimitReviewsWhereAnActionIsProposedAndRaisesEarlyWarnings() {
    Loan increase = dueLine("PRIME", "10000.00", "6000.00", 0);
    Loan approval = dueLine("PRIME", "300000.00", "200000.00", 0);
    Loan keep = dueLine("NEAR-PRIME", "10000.00", "6000.00", null);
    Loan freeze = dueLine("SUBPRIME", "10000.00", "2000.00", 1);
    Loan unavailable = dueLine("UNAVAILABLE", "10000.00", "2000.00", null);
    String notDueCustomer = review.customer("SUBPRIME");
    Loan notDue = loans.loan(review.loan(notDueCustomer, "10000.00", "2000.00")).orElseThrow().loan();
    review.reviewDue(notDue.getCreditLineId(), notDueCustomer, D.plusDays(1), 0);

    CobRun started = runs.start(D, "risk");
    ProcessInstance process = cob.instance(started.getProcessInstanceId());
    cob.runJobs(process.getId());

    assertThat(process).hasPassed("Task_SendSettlementNotices", "Task_ReviewCreditLines", "Task_RaiseEarlyWarnings",
        "Task_CompleteBusinessDay").isEnded();
    CobRun run = runRepository.findById(started.getId()).orElseThrow();
    assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    Map<CobStepName, CobStep> steps = stepRepository.findByRunIdOrderByStepOrderAsc(run.getId()).stream()
        .collect(Collectors.toMap(CobStep::getStep, Function.identity()));
    CobStep reviewStep = steps.get(CobStepName.REVIEW_CREDIT_LINES);
    assertThat(reviewStep.getProcessed()).isEqualTo(4);
    assertThat(reviewStep.getFailed()).isEqualTo(1);
    assertThat(reviewStep.getChunks()).isGreaterThanOrEqualTo(2);
    CobStep warningStep = steps.get(CobStepName.RAISE_EARLY_WARNINGS);
    assertThat(warningStep.getProcessed()).isEqualTo(1);
    assertThat(warningStep.getSkipped()).isEqualTo(3);

    // step 5: a review where an action is proposed, none for KEEP, none for a line not due yet
    assertThat(running(CreditLimitReview.PROCESS_KEY, increase.getCreditLineId())).isNotNull();
    assertThat(running(CreditLimitReview.PROCESS_KEY, approval.getCreditLineId()))
        .isNotNull().variables().containsEntry(CreditLimitReview.APPROVAL_REQUIRED, true);
    assertThat(running(CreditLimitReview.PROCESS_KEY, freeze.getCreditLineId()))
        .isNotNull().variables().containsEntry(CreditLimitReview.ACTION, "FREEZE");
    assertThat(running(CreditLimitReview.PROCESS_KEY, keep.getCreditLineId())).isNull();
    assertThat(running(CreditLimitReview.PROCESS_KEY, notDue.getCreditLineId())).isNull();
    assertThat(reviews.findById(keep.getCreditLineId()).orElseThrow().getNextReviewDate())
        .isEqualTo(D.plusMonths(3));
    assertThat(reviews.findById(notDue.getCreditLineId()).orElseThrow().getLastReviewDate()).isNull();

    // the bureau that did not answer: recorded, skipped, still due
    assertThat(loanErrors.findAll()).filteredOn(e -> e.getLoanNumber().equals(unavailable.getCreditLineId()))
        .singleElement().satisfies(e -> assertThat(e.getStep()).isEqualTo(CobStepName.REVIEW_CREDIT_LINES));
    assertThat(reviews.findById(unavailable.getCreditLineId()).orElseThrow().getNextReviewDate()).isEqualTo(D);

    // step 6: more bureau delinquencies than at the last review
    assertThat(running(EarlyWarningReview.PROCESS_KEY, freeze.getLoanNumber())).isNotNull().variables()
        .containsEntry(EarlyWarningReview.SIGNALS, "BUREAU_DELINQUENCY_INCREASED");
    for (Loan quiet : List.of(increase, approval, keep, notDue)) {
      assertThat(running(EarlyWarningReview.PROCESS_KEY, quiet.getLoanNumber())).isNull();
    }
  }

  private void pay(String loanNumber, Instalment instalment, LocalDate on) {
    ReviewFixture.today(on);
    payments.post(loanNumber, new PaymentCommand("PAY-" + java.util.UUID.randomUUID(), instalment.getTotalDue(), on,
        PaymentChannel.BANK_TRANSFER));
  }

  @Test
  void aLatePaymentValuedOnTheBusinessDateIsCheckedTheSameNightNotAtTheNextReview() {
    ReviewFixture.today(date("2026-11-09"));
    String customerId = review.customer("PRIME");
    String loanNumber = review.loan(customerId, "10000.00", "6000.00");
    review.parkAllReviews(); // the line is not reviewed: the signal comes from the day's payment alone
    List<Instalment> schedule = loans.loan(loanNumber).orElseThrow().schedule();
    pay(loanNumber, schedule.get(0), schedule.get(0).getDueDate().plusDays(5));
    LocalDate day = D.minusDays(1); // not D: the other test's run must not see this payment
    pay(loanNumber, schedule.get(1), day); // due a month before: late
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(NOW)));

    CobRun started = runs.start(day, "risk");
    cob.runJobs(cob.instance(started.getProcessInstanceId()).getId());

    assertThat(schedule.get(1).getDueDate()).isBefore(day);
    assertThat(running(EarlyWarningReview.PROCESS_KEY, loanNumber)).isNotNull().variables()
        .containsEntry(EarlyWarningReview.SIGNALS, "REPEATED_LATE_PAYMENTS");
    assertThat(stepRepository.findByRunIdOrderByStepOrderAsc(started.getId()).stream()
        .filter(step -> step.getStep() == CobStepName.RAISE_EARLY_WARNINGS).findFirst().orElseThrow().getProcessed())
        .isEqualTo(1);
  }
}
