package io.creditflow.review;

import static io.creditflow.review.ReviewFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.review.EarlyWarningReview.Signal;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
import io.creditflow.support.CreditFlowWebTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Early-warning signals of a loan and the {@code earlyWarningReview} task, on the real ledger. */
@CreditFlowWebTest
class EarlyWarningReviewTest {

  static final LocalDate TODAY = LocalDate.of(2027, 5, 1);

  @Autowired ProcessEngine engine;
  @Autowired EarlyWarningService warnings;
  @Autowired ReviewService reviews;
  @Autowired CustomerService customers;
  @Autowired DisbursementService disbursements;
  @Autowired LoanQueries loans;
  @Autowired JdbcTemplate jdbc;
  @Autowired PaymentService payments;
  @Autowired CreditReviewRepository reviewRows;
  @Autowired io.creditflow.notification.NotificationService notifications;

  ReviewFixture fixture;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixture = new ReviewFixture(customers, disbursements, jdbc);
    today(TODAY);
  }

  @AfterEach
  void realTime() {
    fixture.parkAllReviews(); // no line left due for the close-of-business runs of other tests
    ClockUtil.reset();
  }

  private Loan loan(String kind, Integer delinquenciesAtLastReview) {
    String customerId = fixture.customer(kind);
    Loan loan = loans.loan(fixture.loan(customerId, "10000.00", "2000.00")).orElseThrow().loan();
    fixture.reviewDue(loan.getCreditLineId(), customerId, TODAY.minusDays(1), delinquenciesAtLastReview);
    return loan;
  }

  private ProcessInstance warning(String loanNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EarlyWarningReview.PROCESS_KEY).processInstanceBusinessKey(loanNumber).singleResult();
  }

  @Test
  void moreBureauDelinquenciesThanAtTheLastReviewRaiseOneReviewForRiskManagers() {
    Loan loan = loan("SUBPRIME", 1);
    reviews.reviewIfDue(loans.creditLine(loan.getCreditLineId()).orElseThrow().creditLine(), TODAY.minusDays(1));

    assertThat(warnings.signals(loan, TODAY)).containsExactly(Signal.BUREAU_DELINQUENCY_INCREASED);
    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY)).isTrue();
    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY)).isFalse();

    ProcessInstance process = warning(loan.getLoanNumber());
    assertThat(process).isWaitingAt("Task_ReviewEarlyWarning").variables()
        .containsEntry(EarlyWarningReview.SIGNALS, "BUREAU_DELINQUENCY_INCREASED")
        .containsEntry(EarlyWarningReview.CREDIT_LINE_ID, loan.getCreditLineId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(task).hasCandidateGroup("risk-managers");
    engine.getTaskService().setAssignee(task.getId(), "risk");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(EarlyWarningReview.OUTCOME, "IGNORE"))).hasMessageContaining("earlyWarningOutcome");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(EarlyWarningReview.OUTCOME, "WATCHLIST"))).hasMessageContaining("earlyWarningComment");
    engine.getTaskService().complete(task.getId(), Map.of(EarlyWarningReview.OUTCOME, "WATCHLIST",
        EarlyWarningReview.COMMENT, "Watch the next two instalments."));

    assertThat(process).hasPassed("EndEvent_Reviewed").isEnded().variables()
        .containsEntry(EarlyWarningReview.REVIEWED_BY, "risk");
  }

  @Test
  void twoInstalmentsPaidLateWithinSixMonthsAreASignal() {
    today(LocalDate.of(2027, 1, 10));
    String customerId = fixture.customer("PRIME");
    String loanNumber = fixture.loan(customerId, "10000.00", "6000.00");
    List<Instalment> schedule = loans.loan(loanNumber).orElseThrow().schedule();
    pay(loanNumber, schedule.get(0), LocalDate.of(2027, 2, 15)); // due 10 Feb
    assertThat(warnings.signals(loans.loan(loanNumber).orElseThrow().loan(), LocalDate.of(2027, 2, 16))).isEmpty();
    pay(loanNumber, schedule.get(1), LocalDate.of(2027, 3, 13)); // due 10 Mar
    pay(loanNumber, schedule.get(2), LocalDate.of(2027, 4, 10)); // on time

    Loan loan = loans.loan(loanNumber).orElseThrow().loan();
    assertThat(warnings.signals(loan, LocalDate.of(2027, 4, 11))).containsExactly(Signal.REPEATED_LATE_PAYMENTS);
    assertThat(warnings.signals(loan, LocalDate.of(2027, 9, 11))).isEmpty(); // Feb's is out of the 6 months
    assertThat(warnings.raiseIfSignalled(loanNumber, LocalDate.of(2027, 4, 11))).isTrue();
    assertThat(warning(loanNumber)).isNotNull().variables()
        .containsEntry(EarlyWarningReview.SIGNALS, "REPEATED_LATE_PAYMENTS");
  }

  private void pay(String loanNumber, Instalment instalment, LocalDate on) {
    today(on);
    payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(), instalment.getTotalDue(), on,
        PaymentChannel.BANK_TRANSFER));
  }

  @Test
  void noActionNeedsNoComment() {
    engine.getRuntimeService().startProcessInstanceByKey(EarlyWarningReview.PROCESS_KEY, "LN-EW-NOACTION", Map.of(
        EarlyWarningReview.LOAN_NUMBER, "LN-EW-NOACTION", EarlyWarningReview.CREDIT_LINE_ID, "line",
        EarlyWarningReview.BUSINESS_DATE, TODAY.toString(), EarlyWarningReview.SIGNALS, "REPEATED_LATE_PAYMENTS"));
    ProcessInstance process = warning("LN-EW-NOACTION");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    engine.getTaskService().setAssignee(task.getId(), "risk");

    engine.getTaskService().complete(task.getId(), Map.of(EarlyWarningReview.OUTCOME, "NO_ACTION"));

    assertThat(process).isEnded();
  }

  @Test
  void aLoanWithoutSignalsRaisesNothing() {
    Loan first = loan("PRIME", null);
    reviews.reviewIfDue(loans.creditLine(first.getCreditLineId()).orElseThrow().creditLine(), TODAY.minusDays(1));

    assertThat(warnings.signals(first, TODAY)).isEmpty();
    assertThat(warnings.raiseIfSignalled(first.getLoanNumber(), TODAY)).isFalse();
    assertThat(warning(first.getLoanNumber())).isNull();
  }

  /** A loan with a raised review waiting for the risk manager; returns the loan. */
  private Loan raised() {
    Loan loan = loan("SUBPRIME", 1);
    reviews.reviewIfDue(loans.creditLine(loan.getCreditLineId()).orElseThrow().creditLine(), TODAY.minusDays(1));
    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY)).isTrue();
    return loan;
  }

  private void decide(Loan loan, String outcome) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(loan.getLoanNumber())
        .taskDefinitionKey("Task_ReviewEarlyWarning").singleResult();
    engine.getTaskService().setAssignee(task.getId(), "risk");
    engine.getTaskService().complete(task.getId(), Map.of(EarlyWarningReview.OUTCOME, outcome,
        EarlyWarningReview.COMMENT, "Decided in a test."));
  }

  @Test
  void watchlistReviewsTheLineMonthlyForSixMonths() {
    Loan loan = raised();
    assertThat(reviewRows.findById(loan.getCreditLineId()).orElseThrow().getNextReviewDate())
        .isEqualTo(TODAY.minusDays(1).plusMonths(3));

    decide(loan, "WATCHLIST");

    CreditReview row = reviewRows.findById(loan.getCreditLineId()).orElseThrow();
    assertThat(row.getNextReviewDate()).isEqualTo(TODAY.plusMonths(1));
    assertThat(row.getWatchlistUntil()).isEqualTo(TODAY.plusMonths(6));
    // reviewed while on the watchlist: the next review a month later, not three
    today(TODAY.plusMonths(1));
    reviews.reviewIfDue(loans.creditLine(loan.getCreditLineId()).orElseThrow().creditLine(), TODAY.plusMonths(1));
    assertThat(reviewRows.findById(loan.getCreditLineId()).orElseThrow().getNextReviewDate())
        .isEqualTo(TODAY.plusMonths(2));
  }

  @Test
  void reviewLimitBringsTheLinesReviewForwardToTheNextCloseOfBusiness() {
    Loan loan = raised();

    decide(loan, "REVIEW_LIMIT");

    assertThat(reviewRows.findById(loan.getCreditLineId()).orElseThrow().getNextReviewDate()).isEqualTo(TODAY);
    assertThat(jdbc.queryForObject("SELECT outcome FROM cf_early_warning WHERE loan_number = ?", String.class,
        loan.getLoanNumber())).isEqualTo("REVIEW_LIMIT");
  }

  @Test
  void contactCustomerQueuesOneMessageToTheCustomer() {
    Loan loan = raised();

    decide(loan, "CONTACT_CUSTOMER");

    assertThat(notifications.of("loan", loan.getLoanNumber()))
        .filteredOn(n -> n.getType().equals(EarlyWarningService.CONTACT_NOTICE)).singleElement()
        .satisfies(n -> {
          assertThat(n.getTemplateKey()).isEqualTo(EarlyWarningService.CONTACT_TEMPLATE);
          assertThat(n.getRecipientRef()).isEqualTo(loan.getCustomerId());
          assertThat(n.getLanguage()).isEqualTo("zh-CN");
        });
  }

  @Test
  void theSameSignalsAreNotRaisedAgainWithinTheCoolDownButANewKindIs() {
    Loan loan = raised();
    decide(loan, "NO_ACTION");

    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY.plusDays(29))).isFalse();
    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY.plusDays(30))).isTrue();
    decide(loan, "NO_ACTION");

    // a new kind of signal within the cool-down: raised at once
    jdbc.update("INSERT INTO cf_income_report (id, report_reference, customer_id, monthly_income, currency, source,"
        + " effective_date, income_drop, reported_by, received_at) VALUES (?, ?, ?, 5000.00, 'CNY', 'PAYROLL', ?,"
        + " TRUE, 'test', CURRENT_TIMESTAMP)", UUID.randomUUID().toString(), "INC-" + UUID.randomUUID(),
        loan.getCustomerId(), TODAY.plusDays(31));
    assertThat(warnings.signals(loan, TODAY.plusDays(32)))
        .containsExactly(Signal.BUREAU_DELINQUENCY_INCREASED, Signal.INCOME_DROP);
    assertThat(warnings.raiseIfSignalled(loan.getLoanNumber(), TODAY.plusDays(32))).isTrue();
  }

  @Test
  void aLineFirstSeenLongAfterItsFirstReviewDateIsReviewedWithinTheSpreadNotAtOnce() {
    String customerId = fixture.customer("PRIME");
    Loan loan = loans.loan(fixture.loan(customerId, "10000.00", "2000.00")).orElseThrow().loan();
    jdbc.update("DELETE FROM cf_credit_review WHERE credit_line_id = ?", loan.getCreditLineId());
    var line = loans.creditLine(loan.getCreditLineId()).orElseThrow().creditLine();

    // opened today: first review three months on, as always
    assertThat(reviews.firstReviewDate(line, TODAY)).isEqualTo(TODAY.plusMonths(3));
    // a year later, never reviewed (e.g. migrated): within the next 30 days, always the same day for the line
    LocalDate later = TODAY.plusYears(1);
    LocalDate first = reviews.firstReviewDate(line, later);
    assertThat(first).isBetween(later, later.plusDays(29)).isEqualTo(reviews.firstReviewDate(line, later));
    ReviewService.Outcome outcome = reviews.reviewIfDue(line, later);
    assertThat(outcome.reviewed()).isEqualTo(first.equals(later));
    assertThat(reviewRows.findById(line.getId()).orElseThrow().getNextReviewDate())
        .isEqualTo(first.equals(later) ? later.plusMonths(3) : first);
  }
}
