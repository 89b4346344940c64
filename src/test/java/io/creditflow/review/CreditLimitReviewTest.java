package io.creditflow.review;

import static io.creditflow.review.ReviewFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.CreditLineStatus;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/**
 * The periodic review of one line ({@link ReviewService}: schedule, sandbox bureau, behaviour score, DMN) and every
 * path of {@code creditLimitReview}, on the real ledger and outbox.
 */
@CreditFlowWebTest
class CreditLimitReviewTest {

  static final LocalDate OPENED = LocalDate.of(2027, 1, 31);
  static final LocalDate DUE = LocalDate.of(2027, 4, 30);

  @Autowired ProcessEngine engine;
  @Autowired ReviewService reviews;
  @Autowired CreditReviewRepository reviewRecords;
  @Autowired CustomerService customers;
  @Autowired DisbursementService disbursements;
  @Autowired LoanQueries loans;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  ReviewFixture fixture;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixture = new ReviewFixture(customers, disbursements, jdbc);
    today(OPENED);
  }

  @AfterEach
  void realTime() {
    fixture.parkAllReviews(); // no line left due for the close-of-business runs of other tests
    ClockUtil.reset();
  }

  private CreditLine line(String kind, String limit, String drawn) {
    String loanNumber = fixture.loan(fixture.customer(kind), limit, drawn);
    return lineOf(loans.loan(loanNumber).orElseThrow().loan().getCreditLineId());
  }

  private CreditLine lineOf(String creditLineId) {
    return loans.creditLine(creditLineId).orElseThrow().creditLine();
  }

  private ReviewService.Outcome reviewOnDueDate(CreditLine line) {
    assertThat(reviews.reviewIfDue(line, OPENED).reviewed()).isFalse();
    today(DUE.plusDays(1));
    return reviews.reviewIfDue(lineOf(line.getId()), DUE);
  }

  private ProcessInstance review(CreditLine line) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CreditLimitReview.PROCESS_KEY).processInstanceBusinessKey(line.getId()).singleResult();
  }

  private List<Notification> notices(CreditLine line) {
    return notifications.of("creditLine", line.getId()).stream()
        .filter(n -> n.getType().equals(CreditLimitReview.NOTICE)).toList();
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
  }

  @Test
  void theFirstReviewIsThreeMonthsAfterOpeningAndTheNextThreeMonthsLater() {
    CreditLine line = line("NEAR-PRIME", "10000.00", "6000.00");

    assertThat(reviews.reviewIfDue(line, OPENED).reviewed()).isFalse();
    assertThat(reviewRecords.findById(line.getId()).orElseThrow().getNextReviewDate())
        .isEqualTo(OPENED.plusMonths(3));
    assertThat(reviews.reviewIfDue(line, LocalDate.of(2027, 4, 29)).reviewed()).isFalse();

    today(DUE.plusDays(1));
    ReviewService.Outcome outcome = reviews.reviewIfDue(line, DUE);

    assertThat(outcome.reviewed()).isTrue();
    assertThat(outcome.action()).isEqualTo(LimitAction.KEEP);
    assertThat(outcome.openLoanNumbers()).hasSize(1);
    CreditReview record = reviewRecords.findById(line.getId()).orElseThrow();
    assertThat(record.getLastReviewDate()).isEqualTo(DUE);
    assertThat(record.getLastAction()).isEqualTo("KEEP");
    assertThat(record.getLastReasonCode()).isEqualTo("LR_NO_CHANGE");
    assertThat(record.getBureauDelinquencies()).isEqualTo(1);
    assertThat(record.getNextReviewDate()).isEqualTo(DUE.plusMonths(3));
    assertThat(review(line)).isNull();
    assertThat(reviews.reviewIfDue(line, DUE).reviewed()).isFalse();
  }

  @Test
  void aSmallIncreaseAppliesAtOnceAndTheCustomerIsToldWhy() {
    CreditLine line = line("PRIME", "10000.00", "6000.00");

    assertThat(reviewOnDueDate(line).action()).isEqualTo(LimitAction.INCREASE);
    ProcessInstance process = review(line);
    assertThat(process).variables().containsEntry(CreditLimitReview.PROPOSED_LIMIT, "12000.00")
        .containsEntry(CreditLimitReview.APPROVAL_REQUIRED, false)
        .containsEntry(CreditLimitReview.REASON_CODE, "LR_GOOD_CONDUCT");
    ReviewFixture.runJobs(engine, process.getId());

    assertThat(process).hasPassed("Task_ApplyLimitAction", "Task_NotifyCustomer", "EndEvent_Applied")
        .hasNotPassed("Task_ApproveLimitIncrease").isEnded();
    assertThat(lineOf(line.getId()).getCreditLimit()).isEqualByComparingTo("12000.00");
    assertThat(notices(line)).singleElement().satisfies(n -> assertThat(n.getParameters())
        .contains("LR_GOOD_CONDUCT", "INCREASE", "12000.00").doesNotContain("SANDBOX"));
  }

  @Test
  void aLargeIncreaseWaitsForACreditOfficerWhoApprovesIt() {
    CreditLine line = line("PRIME", "300000.00", "200000.00");

    reviewOnDueDate(line);
    ProcessInstance process = review(line);
    assertThat(process).isWaitingAt("Task_ApproveLimitIncrease");
    assertThat(task(process)).hasCandidateGroup("credit-officers");
    assertThat(lineOf(line.getId()).getCreditLimit()).isEqualByComparingTo("300000.00");
    Task task = task(process);
    engine.getTaskService().setAssignee(task.getId(), "officer");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(CreditLimitReview.DECISION, "MAYBE"))).hasMessageContaining("limitIncreaseDecision");
    engine.getTaskService().complete(task.getId(), Map.of(CreditLimitReview.DECISION, "APPROVE"));
    ReviewFixture.runJobs(engine, process.getId());

    assertThat(process).hasPassed("Task_ApproveLimitIncrease", "Task_ApplyLimitAction", "EndEvent_Applied")
        .isEnded();
    assertThat(lineOf(line.getId()).getCreditLimit()).isEqualByComparingTo("360000.00");
    assertThat(loans.creditLine(line.getId()).orElseThrow().limitChanges())
        .anySatisfy(change -> assertThat(change.getChangedBy()).isEqualTo("officer"));
    assertThat(notices(line)).hasSize(1);
  }

  @Test
  void aDeclinedIncreaseNeedsAReasonAndChangesNothing() {
    CreditLine line = line("PRIME", "300000.00", "200000.00");
    reviewOnDueDate(line);
    ProcessInstance process = review(line);
    Task task = task(process);
    engine.getTaskService().setAssignee(task.getId(), "officer");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(CreditLimitReview.DECISION, "DECLINE"))).hasMessageContaining("approvalComment");
    engine.getTaskService().complete(task.getId(), Map.of(CreditLimitReview.DECISION, "DECLINE",
        CreditLimitReview.COMMENT, "Recent drawdown pattern needs another quarter."));

    assertThat(process).hasPassed("EndEvent_Declined").hasNotPassed("Task_ApplyLimitAction").isEnded();
    assertThat(lineOf(line.getId()).getCreditLimit()).isEqualByComparingTo("300000.00");
    assertThat(notices(line)).isEmpty();
  }

  @Test
  void aDecreaseAppliesAtOnce() {
    CreditLine line = line("BANKRUPT", "10000.00", "2000.00");

    assertThat(reviewOnDueDate(line).action()).isEqualTo(LimitAction.DECREASE);
    ProcessInstance process = review(line);
    ReviewFixture.runJobs(engine, process.getId());

    assertThat(process).hasPassed("Task_ApplyLimitAction", "EndEvent_Applied").isEnded();
    assertThat(lineOf(line.getId()).getCreditLimit()).isEqualByComparingTo("8000.00");
    assertThat(notices(line)).singleElement().satisfies(n -> assertThat(n.getParameters())
        .contains("LR_LOW_BUREAU_SCORE", "DECREASE"));
  }

  @Test
  void aFreezeAppliesAtOnceAndIsNotProposedTwice() {
    CreditLine line = line("SUBPRIME", "10000.00", "2000.00");

    assertThat(reviewOnDueDate(line).action()).isEqualTo(LimitAction.FREEZE);
    ProcessInstance process = review(line);
    ReviewFixture.runJobs(engine, process.getId());

    assertThat(process).hasPassed("Task_ApplyLimitAction", "Task_NotifyCustomer").isEnded();
    CreditLine frozen = lineOf(line.getId());
    assertThat(frozen.getStatus()).isEqualTo(CreditLineStatus.FROZEN);
    assertThat(frozen.getCreditLimit()).isEqualByComparingTo("10000.00");
    assertThat(notices(line)).singleElement().satisfies(n -> assertThat(n.getParameters())
        .contains("LR_BUREAU_DELINQUENCIES", "FREEZE"));

    LocalDate next = DUE.plusMonths(3);
    today(next.plusDays(1));
    assertThat(reviews.reviewIfDue(frozen, next).action()).isEqualTo(LimitAction.FREEZE);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CreditLimitReview.PROCESS_KEY).processInstanceBusinessKey(line.getId()).count())
        .isZero();
  }

  @Test
  void theProposedLimitIsWholeUnitsAndAFreezeKeepsTheLimit() {
    assertThat(ReviewService.proposedLimit(new BigDecimal("12345.67"),
        new LimitReviewResult(LimitAction.INCREASE, new BigDecimal("1.2"), "X", "x"))).isEqualByComparingTo("14814");
    assertThat(ReviewService.proposedLimit(new BigDecimal("12345.67"),
        new LimitReviewResult(LimitAction.FREEZE, BigDecimal.ZERO, "X", "x"))).isEqualByComparingTo("12345.67");
  }
}
