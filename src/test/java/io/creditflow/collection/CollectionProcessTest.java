package io.creditflow.collection;

import static io.creditflow.collection.CollectionFixture.FIRST_DUE;
import static io.creditflow.collection.CollectionFixture.at;
import static io.creditflow.collection.CollectionFixture.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code collection} on the real ledger: the three strategies' timelines up to legal, cure by payment
 * at each stage, partial payment, promises kept, broken and refused, hold and release, the contact policy deferring
 * and refusing calls, disputes and payment plans.
 */
@CollectionTest
class CollectionProcessTest {

  static final String WAIT = "Event_NextStageDue";
  static final String CALL = CollectionProcess.TASK_CALL_CUSTOMER;

  @Autowired ProcessEngine engine;
  @Autowired CollectionFixture fixture;
  @Autowired CollectionHolds holds;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void standardStrategySendsSmsEmailCallsEscalatesDemandsAndHandsOverToLegalAtTheirDaysPastDue() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 1);
    ProcessInstance process = started(loan);

    CollectionCase opened = fixture.caseOf(process);
    assertThat(opened.getStrategy()).isEqualTo(CollectionStrategy.STANDARD);
    assertThat(opened.getCurrentStage()).isEqualTo(CollectionStage.SMS_REMINDER);
    assertThat(process).isWaitingAt(WAIT).variables().containsEntry("strategy", "STANDARD")
        .containsEntry("stage", "SMS_REMINDER")
        // the strategy's inputs were transient: recorded with the decision, not kept as variables that go stale
        .doesNotContainKeys("riskGrade", "behaviourScore", "overdueAmount", "earlierCures", "caseOutcome",
            "promiseCheckAt");
    HistoricDecisionInstance strategy = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .processInstanceId(process.getId()).decisionDefinitionKey("collectionStrategy").includeInputs().singleResult();
    assertThat(strategy.getInputs()).extracting(input -> input.getClauseName(), input -> input.getValue())
        .contains(tuple("Risk grade (A-E)", "C"), tuple("Days past due", 1));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName("riskGrade").count()).isZero();
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms");
    // DPD 3 is reached with the close of 12 Feb; the case looks at 09:00 on the 13th
    assertThat(fixture.timerDue(process, WAIT)).isEqualTo(Date.from(instant(LocalDate.of(2027, 2, 13), 9, 0)));

    fixture.pastDue(loan, 2);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).hasSize(1);

    fixture.pastDue(loan, 3);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms", "collection.reminder-email");

    fixture.pastDue(loan, 6);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 7);
    fixture.runJobs(process.getId());
    Task call = fixture.task(process);
    assertThat(call.getTaskDefinitionKey()).isEqualTo(CALL);
    assertThat(call.getCamundaFormRef().getKey()).isEqualTo("Form_CollectionCall");
    assertThat(fixture.candidateGroups(call)).containsExactly("collectors");
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(call.getId());
    assertThat(shown).containsEntry("customerName", "Zhang Min").containsEntry("callAllowedNow", true)
        .containsEntry("promiseAllowed", true).containsKeys("overdueText", "outstandingText", "contactHistoryText");
    assertThat((String) shown.get("contactHistoryText")).contains("SMS_REMINDER (SMS)").contains("EMAIL_REMINDER");
    fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED"));
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT).variables().containsEntry("lastCallOutcome", "REFUSED")
        .doesNotContainKey(CollectionProcess.CALL_OUTCOME);

    fixture.pastDue(loan, 29);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 30);
    fixture.runJobs(process.getId());
    Task senior = fixture.task(process);
    assertThat(senior.getTaskDefinitionKey()).isEqualTo(CALL);
    assertThat(fixture.candidateGroups(senior)).containsExactly("senior-collectors");
    assertThat(fixture.actions(process)).contains("BUREAU_REPORT:DPD_30");
    fixture.complete(senior, "senior", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED"));
    fixture.runJobs(process.getId());

    fixture.pastDue(loan, 60);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).endsWith("collection.demand-letter");
    assertThat(fixture.actions(process)).contains("BUREAU_REPORT:DPD_60", "DEMAND_LETTER");

    fixture.pastDue(loan, 89);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 90);
    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Task_PrepareLegalHandover").isWaitingAt("CallActivity_LegalHandover");
    CollectionCase handedOver = fixture.caseOf(process);
    assertThat(handedOver.getOutcome()).isEqualTo(CollectionOutcome.LEGAL);
    assertThat(handedOver.getMaxDpd()).isEqualTo(90);
    assertThat(fixture.actions(process)).contains("BUREAU_REPORT:DPD_90").endsWith("LEGAL_HANDOVER");
    assertThat(bureauKinds(loan)).containsExactlyInAnyOrder("DPD_30", "DPD_60", "DPD_90");
    ProcessInstance legal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.LEGAL_HANDOVER).processInstanceBusinessKey(loan).singleResult();
    // legalHandover (the legal issue's model): opens the case, assembles the case file, then the lawyer reviews
    assertThat(legal).isWaitingAt("Task_OpenCase").variables().containsEntry("loanNumber", loan)
        .containsEntry("collectionCaseId", handedOver.getId());
    fixture.runJobs(legal.getId());
    fixture.runJobs(legal.getId());
    Task review = fixture.task(legal);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
    assertThat(fixture.candidateGroups(review)).containsExactly("legal");
    engine.getTaskService().setAssignee(review.getId(), "lawyer");
    engine.getTaskService().complete(review.getId(), Map.of("legalDecision", "RETURN_TO_COLLECTION",
        "decisionReason", "test: back to collection"));
    fixture.runJobs(legal.getId());
    assertThat(process).hasPassed("EndEvent_HandedToLegal").isEnded();
  }

  @Test
  void gentleStrategyStartsLaterAndCallsAtFourteenDays() {
    String loan = fixture.loan("B");
    fixture.pastDue(loan, 1);
    ProcessInstance process = started(loan);
    assertThat(fixture.caseOf(process).getStrategy()).isEqualTo(CollectionStrategy.GENTLE);
    assertThat(process).isWaitingAt(WAIT);
    assertThat(fixture.templates(loan)).isEmpty();

    fixture.pastDue(loan, 2);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).isEmpty();
    fixture.pastDue(loan, 3);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms");
    fixture.pastDue(loan, 6);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).hasSize(1);
    fixture.pastDue(loan, 7);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms", "collection.reminder-email");
    fixture.pastDue(loan, 13);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 14);
    fixture.runJobs(process.getId());
    assertThat(fixture.candidateGroups(fixture.task(process))).containsExactly("collectors");
  }

  @Test
  void intensiveStrategyActsEarlierAndHandsOverToLegalAtSeventyFiveDays() {
    String loan = fixture.loan("D");
    fixture.pastDue(loan, 1);
    ProcessInstance process = started(loan);
    assertThat(fixture.caseOf(process).getStrategy()).isEqualTo(CollectionStrategy.INTENSIVE);
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms");
    fixture.pastDue(loan, 2);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms", "collection.reminder-email");
    fixture.pastDue(loan, 3);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 4);
    fixture.runJobs(process.getId());
    Task call = fixture.task(process);
    assertThat(fixture.candidateGroups(call)).containsExactly("collectors");
    fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED"));
    fixture.runJobs(process.getId());

    fixture.pastDue(loan, 20);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 21);
    fixture.runJobs(process.getId());
    Task senior = fixture.task(process);
    assertThat(fixture.candidateGroups(senior)).containsExactly("senior-collectors");
    fixture.complete(senior, "senior", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED"));
    fixture.runJobs(process.getId());
    fixture.pastDue(loan, 45);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).endsWith("collection.demand-letter");
    fixture.pastDue(loan, 74);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    fixture.pastDue(loan, 75);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("CallActivity_LegalHandover");
    assertThat(fixture.caseOf(process).getOutcome()).isEqualTo(CollectionOutcome.LEGAL);
  }

  @ParameterizedTest(name = "cured at {0} ({1} days past due)")
  @CsvSource({
      "SMS_REMINDER,      1, Event_NextStageDue",
      "EMAIL_REMINDER,    3, Event_NextStageDue",
      "COLLECTOR_CALL,    7, Task_CallCustomer",
      "SENIOR_ESCALATION, 30, Task_CallCustomer",
      "DEMAND_LETTER,     60, Event_NextStageDue"})
  void aPaymentOfEverythingOverdueCuresTheCaseAtEveryStage(CollectionStage stage, int dpd, String waitingAt) {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, dpd);
    ProcessInstance process = started(loan);
    assertThat(process).isWaitingAt(waitingAt);
    assertThat(fixture.caseOf(process).getCurrentStage()).isEqualTo(stage);
    assertThat(fixture.ledgerLoan(loan).getStatus()).isEqualTo(LoanStatus.DELINQUENT);

    fixture.pay(loan, fixture.overdue(loan), process.getId());

    assertThat(process).hasPassed("Event_PaymentReceived", "Task_RecordPayment", "EndEvent_PaymentChangesCase",
        "Event_PaymentChangedCase", "Task_CloseCured", "EndEvent_Cured").isEnded();
    CollectionCase cured = fixture.caseOf(process);
    assertThat(cured.getOutcome()).isEqualTo(CollectionOutcome.CURED);
    assertThat(cured.getEndedAt()).isNotNull();
    assertThat(fixture.actions(process)).contains("BUREAU_REPORT:CURED").endsWith("CURED")
        .anySatisfy(action -> assertThat(action).startsWith("PAYMENT:"));
    assertThat(fixture.templates(loan)).contains("collection.cured");
    assertThat(bureauKinds(loan)).contains("CURED").containsAll(dpd >= 60 ? java.util.List.of("DPD_60")
        : dpd >= 30 ? java.util.List.of("DPD_30") : java.util.List.of());
    assertThat(fixture.ledgerLoan(loan).getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(fixture.ledgerLoan(loan).getDaysPastDue()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
  }

  @Test
  void aNewCaseCostsOneJobAndAPaymentThatLeavesTheStageIsRecordedWithoutDisturbingTheWait() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 1);
    ProcessInstance process = fixture.start(loan);
    ManagementService management = engine.getManagementService();
    Job gather = management.createJobQuery().processInstanceId(process.getId()).singleResult();
    management.executeJob(gather.getId());
    // facts, strategy, case, plan and SMS ran in that one job; what is left is the timer of the next look
    assertThat(process).isWaitingAt(WAIT);
    assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isEqualTo(1);
    Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().activityId(WAIT)
        .singleResult();
    long planUpdates = planVariableUpdates(process);

    fixture.payments.post(loan, new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal("1.00"), today(),
        PaymentChannel.BANK_TRANSFER));

    // no job run: the delivery of PaymentReceived recorded the payment; the stage (SMS) is the same, so the case
    // goes on waiting on the same timer, without planning again and without a second reminder
    assertThat(process).hasPassed("Event_PaymentReceived", "Task_RecordPayment", "EndEvent_PaymentRecorded")
        .hasNotPassed("Event_PaymentChangedCase").isWaitingAt(WAIT);
    assertThat(engine.getRuntimeService().getVariable(process.getId(), CollectionProcess.PAYMENT_EFFECT))
        .isEqualTo("RECORDED");
    assertThat(fixture.actions(process)).anySatisfy(action -> assertThat(action).startsWith("PAYMENT:1.0"));
    assertThat(management.createJobQuery().processInstanceId(process.getId()).list()).extracting(Job::getId)
        .containsExactly(timer.getId());
    assertThat(fixture.caseOf(process).getCycle()).isZero();
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms");
    assertThat(planVariableUpdates(process)).isEqualTo(planUpdates);

    // the timer then plans as before: the next stage (e-mail) at its days past due
    fixture.pastDue(loan, 3);
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms", "collection.reminder-email");
  }

  @Test
  void aPaymentThatLeavesTheStageKeepsTheCollectorsCallTask() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    Task call = fixture.task(process);
    assertThat(call.getTaskDefinitionKey()).isEqualTo(CALL);
    Object overdueBefore = engine.getTaskService().getVariableLocal(call.getId(), "overdueText");

    fixture.pay(loan, new BigDecimal("10.00"), process.getId());

    assertThat(process).hasPassed("Task_RecordPayment", "EndEvent_PaymentRecorded").isWaitingAt(CALL);
    assertThat(fixture.task(process).getId()).isEqualTo(call.getId());
    // the task shows the amounts after the payment
    Object overdueAfter = engine.getTaskService().getVariableLocal(call.getId(), "overdueText");
    assertThat(overdueAfter).isNotNull().isNotEqualTo(overdueBefore);
    assertThat(overdueAfter.toString()).endsWith(String.format(" %,.2f", fixture.overdue(loan)));
    assertThat(fixture.caseOf(process).getCurrentStage()).isEqualTo(CollectionStage.COLLECTOR_CALL);
    assertThat(fixture.caseOf(process).getCycle()).isZero();
    assertThat(fixture.actions(process)).anySatisfy(action -> assertThat(action).startsWith("PAYMENT:10.0"));
  }

  /** History of the variable updates of the plan's outputs (history level FULL). */
  private long planVariableUpdates(ProcessInstance process) {
    Set<String> outputs = Set.of(CollectionProcess.NEXT_ACTION, CollectionProcess.STAGE,
        CollectionProcess.DAYS_PAST_DUE, CollectionProcess.NEXT_CHECK_AT, CollectionProcess.CALL_GROUP);
    return engine.getHistoryService().createHistoricDetailQuery().variableUpdates().processInstanceId(process.getId())
        .list().stream().filter(detail -> outputs.contains(((HistoricVariableUpdate) detail).getVariableName()))
        .count();
  }

  @Test
  void aPartialPaymentContinuesAtTheStageTheRemainingDaysPastDueCallFor() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 35);
    ProcessInstance process = started(loan);
    assertThat(fixture.candidateGroups(fixture.task(process))).containsExactly("senior-collectors");

    Instalment first = fixture.loans.loan(loan).orElseThrow().schedule().get(0);
    fixture.pay(loan, first.arrears().add(first.penaltyOutstanding()), process.getId());

    // the second instalment (due 10 Mar) is 7 days past due at the close of 16 Mar: back to a collector's call
    assertThat(fixture.ledgerLoan(loan).getDaysPastDue()).isEqualTo(7);
    assertThat(process).hasPassed("Task_RecordPayment", "EndEvent_PaymentChangesCase", "Event_PaymentChangedCase")
        .isNotEnded();
    Task call = fixture.task(process);
    assertThat(fixture.candidateGroups(call)).containsExactly("collectors");
    CollectionCase c = fixture.caseOf(process);
    assertThat(c.getCurrentStage()).isEqualTo(CollectionStage.COLLECTOR_CALL);
    assertThat(c.getCycle()).isEqualTo(1);
    assertThat(c.getMaxDpd()).isEqualTo(35);
  }

  @Test
  void aKeptPromiseStartsANewCycleAtTheStageTheDaysPastDueCallFor() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    LocalDate today = FIRST_DUE.plusDays(7);
    fixture.complete(fixture.task(process), "collector", Map.of(CollectionProcess.CALL_OUTCOME, "PROMISE_TO_PAY",
        CollectionProcess.PROMISED_DATE, today.plusDays(3).toString(), CollectionProcess.PROMISED_AMOUNT, 500.00));
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("Event_PromiseDue");
    assertThat(fixture.timerDue(process, "Event_PromiseDue")).isEqualTo(Date.from(instant(today.plusDays(4), 9, 0)));
    assertThat(fixture.templates(loan)).endsWith("collection.promise-confirmed");

    fixture.pay(loan, new BigDecimal("500.00"), process.getId());

    CollectionCase c = fixture.caseOf(process);
    assertThat(c.getPromisesMade()).isEqualTo(1);
    assertThat(c.getPromisesKept()).isEqualTo(1);
    assertThat(c.getPromisesBroken()).isZero();
    assertThat(c.hasOpenPromise()).isFalse();
    assertThat(fixture.actions(process)).contains("PROMISE_MADE:500.00 by " + today.plusDays(3), "PROMISE_KEPT:500.00");
    // still past due: called again, once the contact policy allows a call after the conversation
    assertThat(process).isWaitingAt("Event_CallDeferred");
    assertThat(fixture.actions(process)).anySatisfy(a -> assertThat(a).startsWith("CALL_DEFERRED:"));
    passDeferral(process);
    assertThat(fixture.task(process).getTaskDefinitionKey()).isEqualTo(CALL);
  }

  /** Moves the clock just past the deferred call's timer and runs the jobs. */
  private void passDeferral(ProcessInstance process) {
    assertThat(process).isWaitingAt("Event_CallDeferred");
    ClockUtil.setCurrentTime(new Date(fixture.timerDue(process, "Event_CallDeferred").getTime() + 60_000));
    fixture.runJobs(process.getId());
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CollectionFixture.ZONE);
  }

  @Test
  void brokenPromisesEscalateAndAfterTwoNoFurtherPromiseIsAccepted() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    fixture.complete(fixture.task(process), "collector", promise(today().plusDays(1), "300.00"));
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("Event_PromiseDue");

    fixture.closeThrough(loan, FIRST_DUE.plusDays(8)); // the promised day passes without payment
    fixture.runJobs(process.getId());
    CollectionCase once = fixture.caseOf(process);
    assertThat(once.getPromisesBroken()).isEqualTo(1);
    assertThat(once.getCurrentStage()).isEqualTo(CollectionStage.SENIOR_ESCALATION); // one stage up at DPD 9
    passDeferral(process); // no call within a week of the conversation
    Task senior = fixture.task(process);
    assertThat(fixture.candidateGroups(senior)).containsExactly("senior-collectors");

    fixture.complete(senior, "senior", promise(today().plusDays(1), "300.00"));
    fixture.runJobs(process.getId());
    ClockUtil.setCurrentTime(new Date(fixture.timerDue(process, "Event_PromiseDue").getTime() + 60_000));
    fixture.runJobs(process.getId());
    CollectionCase twice = fixture.caseOf(process);
    assertThat(twice.getPromisesBroken()).isEqualTo(2);
    assertThat(twice.getCurrentStage()).isEqualTo(CollectionStage.DEMAND_LETTER);
    assertThat(fixture.templates(loan)).contains("collection.demand-letter");

    // a part payment starts a new cycle: a collector calls again, but no promise is taken any more
    fixture.pay(loan, new BigDecimal("100.00"), process.getId());
    passDeferral(process);
    Task call = fixture.task(process);
    assertThat(fixture.candidateGroups(call)).containsExactly("collectors");
    assertThat(engine.getTaskService().getVariablesLocal(call.getId())).containsEntry("promiseAllowed", false)
        .containsEntry("brokenPromises", 2);
    assertThatThrownBy(() -> fixture.complete(call, "collector", promise(today().plusDays(2), "300.00")))
        .rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("No further promise");
    assertThat(fixture.task(process).getId()).isEqualTo(call.getId());
    assertThat(fixture.caseOf(process).getPromisesMade()).isEqualTo(2);

    engine.getTaskService().complete(call.getId(), Map.of(CollectionProcess.CALL_OUTCOME, "NO_ANSWER"));
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
  }

  @Test
  void aPromiseMustBeWithinFourteenDaysAndForAnAmount() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    Task call = fixture.task(process);
    LocalDate today = FIRST_DUE.plusDays(7);
    assertThatThrownBy(() -> fixture.complete(call, "collector", promise(today.plusDays(15), "300.00")))
        .rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("promisedDate must be between");
    assertThatThrownBy(() -> fixture.complete(call, "collector", promise(today.minusDays(1), "300.00")))
        .rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("promisedDate must be between");
    assertThatThrownBy(() -> fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME,
        "PROMISE_TO_PAY", CollectionProcess.PROMISED_DATE, today.plusDays(14).toString())))
        .rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("promisedAmount is required");
    assertThatThrownBy(() -> fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME, "LATER")))
        .rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("callOutcome must be one of");
    assertThat(fixture.caseOf(process).getPromisesMade()).isZero();
    fixture.complete(call, "collector", promise(today.plusDays(14), "300.00"));
    assertThat(fixture.caseOf(process).getPromiseDate()).isEqualTo(today.plusDays(14));
  }

  @Test
  void onHoldNothingGoesOutAndNothingEscalatesAfterReleaseThePendingStepResumes() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 3);
    ProcessInstance process = started(loan);
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-email");

    holds.hold(loan, "complaint:CMP-1", "test complaint");
    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Event_HoldRequested", "Task_RecordHold").isWaitingAt("Gateway_OnHold");
    assertThat(fixture.caseOf(process).isOnHold()).isTrue();

    fixture.pastDue(loan, 8); // the call (DPD 7) falls due while on hold
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("Gateway_OnHold");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-email");

    assertThat(holds.release(loan, "complaint:CMP-1")).isTrue();
    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Event_Released");
    assertThat(fixture.candidateGroups(fixture.task(process))).containsExactly("collectors");
    assertThat(fixture.caseOf(process).isOnHold()).isFalse();
    assertThat(fixture.actions(process)).containsSubsequence("EMAIL_REMINDER", "HOLD", "RELEASE");
  }

  @Test
  void aCollectionStartedWhileTheLoanIsOnHoldStartsOnHold() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 2);
    holds.hold(loan, "complaint:CMP-2", "test complaint");
    ProcessInstance process = started(loan);
    assertThat(process).isWaitingAt("Gateway_OnHold");
    assertThat(fixture.templates(loan)).isEmpty();
    assertThat(fixture.caseOf(process).isOnHold()).isTrue();
    holds.release(loan, "complaint:CMP-2");
    fixture.runJobs(process.getId());
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-sms");
  }

  @Test
  void aPartPaymentOnHoldIsRecordedAndTheCaseStaysOnHold() {
    String loan = fixture.loan("C");
    ProcessInstance process = onHoldAtThreeDaysPastDue(loan, "complaint:CMP-3");

    fixture.pay(loan, new BigDecimal("10.00"), process.getId());

    assertThat(process).hasPassed("Event_PaymentOnHold", "Task_ApplyPayment").isWaitingAt("Gateway_OnHold");
    assertThat(fixture.actions(process)).anySatisfy(action -> assertThat(action).startsWith("PAYMENT:10.0"));
    assertThat(fixture.caseOf(process).isOnHold()).isTrue();
    assertThat(fixture.caseOf(process).getCycle()).isEqualTo(1);
    assertThat(fixture.templates(loan)).containsExactly("collection.reminder-email");
  }

  @Test
  void aPaymentOfEverythingOverdueOnHoldCuresTheCase() {
    String loan = fixture.loan("C");
    ProcessInstance process = onHoldAtThreeDaysPastDue(loan, "complaint:CMP-4");

    fixture.pay(loan, fixture.overdue(loan), process.getId());

    assertThat(process).hasPassed("Event_PaymentOnHold", "Task_ApplyPayment", "Task_CloseCured", "EndEvent_Cured")
        .isEnded();
    assertThat(fixture.caseOf(process).getOutcome()).isEqualTo(CollectionOutcome.CURED);
  }

  /** A case started at 3 days past due (e-mail sent), then held by {@code source}: waiting on hold. */
  private ProcessInstance onHoldAtThreeDaysPastDue(String loan, String source) {
    fixture.pastDue(loan, 3);
    ProcessInstance process = started(loan);
    holds.hold(loan, source, "test complaint");
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("Gateway_OnHold");
    return process;
  }

  @Test
  void aCallThePolicyRefusesWaitsOnAVisibleTimerAndTheTaskComesWhenAllowed() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 6);
    ProcessInstance process = started(loan);
    fixture.closeThrough(loan, FIRST_DUE.plusDays(6)); // DPD 7
    LocalDate day = FIRST_DUE.plusDays(7);
    at(day, 22, 30); // the case wakes late, in quiet hours

    fixture.runJobs(process.getId());

    assertThat(process).isWaitingAt("Event_CallDeferred");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    Date notBefore = (Date) engine.getRuntimeService().getVariable(process.getId(),
        CollectionProcess.CALL_NOT_BEFORE);
    assertThat(notBefore).isAfter(Date.from(instant(day, 22, 30)));
    assertThat(fixture.timerDue(process, "Event_CallDeferred")).isEqualTo(notBefore);
    assertThat(fixture.actions(process)).contains("CALL_DEFERRED:QUIET_HOURS");

    ClockUtil.setCurrentTime(new Date(notBefore.getTime() + 60_000));
    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Event_CallDeferred");
    assertThat(fixture.task(process).getTaskDefinitionKey()).isEqualTo(CALL);
  }

  @Test
  void aSeniorCollectorMayVisitTheBorrowerInsteadOfTheFinalCallACollectorMayNot() {
    String collectorLoan = fixture.loan("C");
    fixture.pastDue(collectorLoan, 7);
    Task call = fixture.task(started(collectorLoan));
    assertThatThrownBy(() -> fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED",
        CollectionProcess.CONTACT_METHOD, "FIELD_VISIT"))).rootCause()
        .hasMessageContaining("only for the senior escalation stage");

    String loan = fixture.loan("C");
    fixture.pastDue(loan, 35);
    ProcessInstance process = started(loan);
    Task senior = fixture.task(process);
    assertThat(fixture.candidateGroups(senior)).containsExactly("senior-collectors");

    fixture.complete(senior, "senior", Map.of(CollectionProcess.CALL_OUTCOME, "REFUSED",
        CollectionProcess.CONTACT_METHOD, "FIELD_VISIT"));

    assertThat(fixture.actions(process)).contains("FIELD_VISIT:REFUSED").doesNotContain("SENIOR_CALL:REFUSED");
    assertThat(jdbc.queryForObject("SELECT unit_cost FROM cf_collection_action WHERE case_id = ? AND action ="
        + " 'FIELD_VISIT'", java.math.BigDecimal.class, fixture.caseOf(process).getId()))
        .isEqualByComparingTo("30.00");
    assertThat(jdbc.queryForObject("SELECT channel FROM cf_contact_call WHERE loan_number = ?", String.class, loan))
        .isEqualTo("FIELD_VISIT");
  }

  @Test
  void aCollectorCannotRecordACallThePolicyForbidsNow() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    Task call = fixture.task(process);
    at(FIRST_DUE.plusDays(7), 23, 0);

    assertThatThrownBy(() -> fixture.complete(call, "collector", Map.of(CollectionProcess.CALL_OUTCOME,
        "NO_ANSWER"))).rootCause().isInstanceOf(CollectionRuleViolation.class).hasMessageContaining("not allowed now")
        .hasMessageContaining("QUIET_HOURS");
    assertThat(fixture.task(process).getId()).isEqualTo(call.getId());
    assertThat(fixture.caseOf(process).getStageAttempts()).isZero();
  }

  @Test
  void anUnansweredCallIsTriedAgainAfterTheRetryInterval() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    fixture.complete(fixture.task(process), "collector", Map.of(CollectionProcess.CALL_OUTCOME, "NO_ANSWER"));
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt(WAIT);
    assertThat(fixture.timerDue(process, WAIT)).isEqualTo(Date.from(instant(FIRST_DUE.plusDays(9), 10, 0)));
    fixture.pastDue(loan, 9);
    fixture.runJobs(process.getId());
    assertThat(fixture.task(process).getTaskDefinitionKey()).isEqualTo(CALL);
  }

  @Test
  void aDisputeHoldsCollectionUntilAComplaintHandlerReviewsIt() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    fixture.complete(fixture.task(process), "collector", Map.of(CollectionProcess.CALL_OUTCOME, "DISPUTE"));
    fixture.runJobs(process.getId());

    assertThat(process).hasPassed("Task_HoldForDispute").isWaitingAt(CollectionProcess.TASK_REVIEW_DISPUTE);
    assertThat(holds.onHold(loan)).isTrue();
    Task review = fixture.task(process);
    assertThat(fixture.candidateGroups(review)).containsExactly("complaint-handlers");
    assertThat(review.getCamundaFormRef().getKey()).isEqualTo("Form_CollectionDisputeReview");
    assertThatThrownBy(() -> fixture.complete(review, "handler", Map.of(CollectionProcess.DISPUTE_OUTCOME, "MAYBE")))
        .rootCause().isInstanceOf(CollectionRuleViolation.class);

    fixture.complete(review, "handler", Map.of(CollectionProcess.DISPUTE_OUTCOME, "DEBT_CONFIRMED"));
    fixture.runJobs(process.getId());

    assertThat(holds.onHold(loan)).isFalse();
    assertThat(process).hasPassed("Task_ReleaseDisputeHold").isWaitingAt(WAIT);
    assertThat(fixture.actions(process)).contains("CALL:DISPUTE", "DISPUTE", "DISPUTE_REVIEWED:DEBT_CONFIRMED");
  }

  @Test
  void aPaymentPlanRequestStartsAHardshipAssessmentThatHoldsCollectionUntilItEnds() {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 7);
    ProcessInstance process = started(loan);
    fixture.complete(fixture.task(process), "collector", Map.of(CollectionProcess.CALL_OUTCOME,
        "PAYMENT_PLAN_REQUEST", CollectionProcess.HARDSHIP_REASON, "JOB_LOSS",
        CollectionProcess.REQUESTED_EXTENSION_MONTHS, 6L));
    fixture.runJobs(process.getId());

    assertThat(process).hasPassed("Task_RequestHardship", "Task_RecordHold").isWaitingAt("Gateway_OnHold");
    assertThat(holds.onHold(loan)).isTrue();
    ProcessInstance hardship = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.HARDSHIP_ASSESSMENT).processInstanceBusinessKey(loan).singleResult();
    assertThat(hardship).isNotNull();
    assertThat(fixture.actions(process)).anySatisfy(a -> assertThat(a).isEqualTo("HARDSHIP_REQUESTED:REQUESTED"));

    fixture.runJobs(hardship.getId());
    fixture.complete(fixture.task(hardship), "officer", Map.of("hardshipDecision", "DECLINE",
        "hardshipDeclineReason", "NOT_AFFORDABLE"));
    assertThat(hardship).isEnded();
    assertThat(holds.onHold(loan)).isFalse();

    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Event_Released").isWaitingAt(WAIT);
  }

  private java.util.List<String> bureauKinds(String loan) {
    return jdbc.queryForList("SELECT kind FROM cf_bureau_report WHERE loan_number = ?", String.class, loan);
  }

  private ProcessInstance started(String loan) {
    ProcessInstance process = fixture.start(loan);
    assertThat(process).isWaitingAt("StartEvent_PastDue"); // the blank start: the facts are gathered in a job
    fixture.runJobs(process.getId());
    return process;
  }

  private static Map<String, Object> promise(LocalDate date, String amount) {
    return Map.of(CollectionProcess.CALL_OUTCOME, "PROMISE_TO_PAY", CollectionProcess.PROMISED_DATE, date.toString(),
        CollectionProcess.PROMISED_AMOUNT, Double.valueOf(amount));
  }
}
