package io.creditflow.complaint;

import static io.creditflow.complaint.ComplaintFixture.RECEIVED;
import static io.creditflow.complaint.ComplaintFixture.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReportingService;
import io.creditflow.collection.CollectionHolds;
import io.creditflow.collection.CollectionProcess;
import io.creditflow.common.web.ConflictException;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
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

/** Every path of {@code complaintResolution}. */
@ComplaintTest
class ComplaintProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintFixture fixture;
  @Autowired ComplaintService complaints;
  @Autowired NotificationService notifications;
  @Autowired CollectionHolds holds;
  @Autowired BureauReportingService bureau;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private List<String> templates(Complaint c) {
    return notifications.of(ComplaintNotices.SUBJECT_TYPE, c.getId()).stream().map(Notification::getTemplateKey)
        .toList();
  }

  private List<String> history(Complaint c) {
    return complaints.history(c.getId()).stream().map(ComplaintEvent::getKind).toList();
  }

  private static Map<String, Object> resolve(String outcome, Object... more) {
    Map<String, Object> values = new HashMap<>();
    values.put(ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE);
    values.put(ComplaintProcess.OUTCOME, outcome);
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  private static Map<String, Object> rejected() {
    return resolve("REJECTED", ComplaintProcess.RESOLUTION_NOTE, "fees were as agreed");
  }

  @Test
  void aComplaintIsAcknowledgedTriagedAndWaitsForTheHandlingGroup() {
    Complaint c = fixture.file(null, ComplaintCategory.FEES_AND_CHARGES, "I was charged twice", Jurisdiction.CN);

    ProcessInstance process = fixture.process(c);
    assertThat(process).hasPassed("Task_RegisterComplaint", "Task_TriageComplaint", "Task_Acknowledge")
        .hasNotPassed("Task_HoldCollection").isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(process.getBusinessKey()).isEqualTo(c.getId());
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.INVESTIGATING);
    assertThat(c.getHandlingGroup()).isEqualTo("complaint-handlers");
    assertThat(c.getCategorySource()).isEqualTo("GIVEN");
    // acknowledgement due by the close of the next business day; final response 15 days after receipt
    assertThat(c.getAcknowledgeBy()).isEqualTo(instant(RECEIVED.plusDays(1), 18, 0));
    assertThat(c.getAcknowledgedAt()).isEqualTo(instant(RECEIVED, 10, 0));
    assertThat(c.getDueBy()).isEqualTo(instant(RECEIVED.plusDays(15), 10, 0));
    assertThat(templates(c)).containsExactly("regulatory.complaint-acknowledged");
    assertThat(notifications.of(ComplaintNotices.SUBJECT_TYPE, c.getId()).get(0).getParameters())
        .contains(RECEIVED.plusDays(15).toString()).doesNotContain("charged twice");

    Task task = fixture.task(c, ComplaintProcess.TASK_INVESTIGATE);
    assertThat(fixture.candidateGroups(task)).containsExactly("complaint-handlers");
    assertThat(task.getDueDate()).isEqualTo(Date.from(c.getDueBy()));
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("Form_ComplaintInvestigation");
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task.getId());
    assertThat((String) shown.get("complaintText")).isEqualTo("I was charged twice");
    assertThat(shown).containsKeys("complaintFacts", "deadlineText", "loanText", "contactText");
    assertThat(engine.getRuntimeService().getVariables(process.getId())).doesNotContainKeys("complaintText",
        "description", ComplaintProcess.FORM_DESCRIPTION);
    assertThat(history(c)).containsSubsequence("RECEIVED", "TRIAGED", "ACKNOWLEDGED");
  }

  @Test
  void theCategoryIsGuessedFromKeywordsInChineseAndEnglishAndDrivesTheTriage() {
    Complaint chinese = fixture.file(null, null, "你们的催收员每天打电话骚扰我的家人", Jurisdiction.CN);
    assertThat(chinese.getCategory()).isEqualTo(ComplaintCategory.COLLECTION_CONDUCT);
    assertThat(chinese.getCategorySource()).isEqualTo("KEYWORDS");
    Complaint english = fixture.file(null, null, "Somebody used my identity: this is NOT MY LOAN", Jurisdiction.CN);
    assertThat(english.getCategory()).isEqualTo(ComplaintCategory.FRAUD);
    assertThat(english.getHandlingGroup()).isEqualTo("complaint-managers");
    assertThat(fixture.candidateGroups(fixture.task(english, ComplaintProcess.TASK_INVESTIGATE)))
        .containsExactly("complaint-managers");
    Complaint unknown = fixture.file(null, null, "Something else entirely", Jurisdiction.CN);
    assertThat(unknown.getCategory()).isEqualTo(ComplaintCategory.OTHER);
  }

  @Test
  void keywordsOfEveryCategoryInBothLanguages() {
    ComplaintTriage triage = complaintsTriage();
    Map<String, ComplaintCategory> samples = new java.util.LinkedHashMap<>();
    samples.put("催收人员威胁我", ComplaintCategory.COLLECTION_CONDUCT);
    samples.put("The collector was abusive", ComplaintCategory.COLLECTION_CONDUCT);
    samples.put("多扣了手续费", ComplaintCategory.FEES_AND_CHARGES);
    samples.put("You overcharged the penalty", ComplaintCategory.FEES_AND_CHARGES);
    samples.put("为什么拒绝我的额度申请", ComplaintCategory.CREDIT_DECISION);
    samples.put("My application was declined", ComplaintCategory.CREDIT_DECISION);
    samples.put("有人冒用我的身份", ComplaintCategory.FRAUD);
    samples.put("This is identity theft", ComplaintCategory.FRAUD);
    samples.put("我的个人信息被泄露", ComplaintCategory.DATA_PRIVACY);
    samples.put("You shared my data with a marketer: privacy!", ComplaintCategory.DATA_PRIVACY);
    samples.put("客服态度很差", ComplaintCategory.SERVICE);
    samples.put("The agent was rude", ComplaintCategory.SERVICE);
    samples.put("随便说说", ComplaintCategory.OTHER);
    samples.put("Just a remark", ComplaintCategory.OTHER);
    samples.forEach((text, category) -> assertThat(triage.guess(text)).as(text).isEqualTo(category));
  }

  @Autowired ComplaintTriage triageBean;

  private ComplaintTriage complaintsTriage() {
    return triageBean;
  }

  @Test
  void halfTimeReminderAndEightyPercentEscalationToComplaintManagers() {
    Complaint c = fixture.file(null, ComplaintCategory.SERVICE, "slow", Jurisdiction.CN);
    assertThat(fixture.timerDue(c, "Event_ReminderDue")).isEqualTo(Date.from(instant(RECEIVED.plusDays(7), 22, 0)));
    assertThat(fixture.timerDue(c, "Event_EscalationDue"))
        .isEqualTo(Date.from(instant(RECEIVED.plusDays(12), 10, 0)));

    fixture.fire(c, "Event_ReminderDue");
    assertThat(fixture.process(c)).hasPassed("Task_SendReminder", "EndEvent_Reminded")
        .isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(complaints.get(c.getId()).getRemindedAt()).isEqualTo(instant(RECEIVED.plusDays(7), 22, 0));
    assertThat(history(c)).contains("REMINDER").doesNotContain("ESCALATED");

    fixture.fire(c, "Event_EscalationDue");
    Task escalation = fixture.task(c, "Task_ReviewEscalation");
    assertThat(fixture.candidateGroups(escalation)).containsExactly("complaint-managers");
    assertThat(escalation.getCamundaFormRef().getKey()).isEqualTo("Form_ComplaintEscalation");
    assertThat(complaints.get(c.getId()).getEscalatedAt()).isNotNull();
    assertThatThrownBy(() -> fixture.complete(c, "Task_ReviewEscalation", "supervisor", Map.of()))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("note");
    fixture.complete(c, "Task_ReviewEscalation", "supervisor",
        Map.of(ComplaintProcess.MANAGER_NOTE, "asked the handler to answer today"));
    assertThat(fixture.process(c)).hasPassed("EndEvent_EscalationReviewed")
        .isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(complaints.history(c.getId())).anySatisfy(e -> {
      assertThat(e.getKind()).isEqualTo("MANAGER_NOTE");
      assertThat(e.getActor()).isEqualTo("supervisor");
    });
  }

  @Test
  void aBreachAtTheDeadlineIsRecordedCountedAndEscalated() {
    Complaint c = fixture.file(null, ComplaintCategory.CREDIT_DECISION, "why", Jurisdiction.CN);
    double before = breaches();
    fixture.fire(c, "Event_ReminderDue");
    fixture.fire(c, "Event_EscalationDue");
    fixture.fire(c, "Event_DeadlinePassed");

    Complaint breached = complaints.get(c.getId());
    assertThat(breached.getBreachedAt()).isEqualTo(c.getDueBy());
    assertThat(breaches()).isEqualTo(before + 1);
    assertThat(fixture.candidateGroups(fixture.task(c, "Task_HandleBreach"))).containsExactly("complaint-managers");
    assertThat(history(c)).contains("BREACHED");
    // counted once per deadline
    complaints.breach(c.getId());
    assertThat(breaches()).isEqualTo(before + 1);

    ComplaintFixture.at(c.getDueBy().plusSeconds(3600));
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", rejected());
    Complaint late = complaints.get(c.getId());
    assertThat(late.respondedInTime()).isFalse();
    // the investigation is over: its escalation and breach tasks went with it
    assertThat(fixture.task(c, "Task_HandleBreach")).isNull();
    assertThat(fixture.task(c, "Task_ReviewEscalation")).isNull();
  }

  private double breaches() {
    return meters.find(ComplaintMetrics.BREACHES).counters().stream().mapToDouble(x -> x.count()).sum();
  }

  @Test
  void cnExtensionApprovedGivesThirtyDaysAndTellsTheCustomer() {
    Complaint c = fixture.file(null, ComplaintCategory.FEES_AND_CHARGES, "complex", Jurisdiction.CN);
    fixture.at(RECEIVED.plusDays(5), 10, 0);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        Map.of(ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.REQUEST_EXTENSION));
    assertThat(complaints.get(c.getId()).getStatus()).isEqualTo(ComplaintStatus.EXTENSION_REQUESTED);
    Task approval = fixture.task(c, "Task_ApproveExtension");
    assertThat(fixture.candidateGroups(approval)).containsExactly("complaint-managers");

    fixture.complete(c, "Task_ApproveExtension", "supervisor", Map.of(ComplaintProcess.EXTENSION_APPROVED, true));
    Complaint extended = complaints.get(c.getId());
    assertThat(extended.isExtended()).isTrue();
    assertThat(extended.getDueBy()).isEqualTo(instant(RECEIVED.plusDays(30), 10, 0));
    assertThat(fixture.process(c)).hasPassed("Task_ExtendDeadline").isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(fixture.task(c, ComplaintProcess.TASK_INVESTIGATE).getDueDate())
        .isEqualTo(Date.from(extended.getDueBy()));
    assertThat(fixture.timerDue(c, "Event_DeadlinePassed")).isEqualTo(Date.from(extended.getDueBy()));
    assertThat(fixture.timerDue(c, "Event_EscalationDue")).isEqualTo(Date.from(instant(RECEIVED.plusDays(24), 10, 0)));
    assertThat(templates(c)).containsExactlyInAnyOrder("regulatory.complaint-acknowledged",
        "regulatory.complaint-extended");
    assertThat(history(c)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "DEADLINE_EXTENDED");

    // only once
    assertThatThrownBy(() -> fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        Map.of(ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.REQUEST_EXTENSION)))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("already");
  }

  @Test
  void cnExtensionDeclinedKeepsTheFifteenDays() {
    Complaint c = fixture.file(null, ComplaintCategory.FEES_AND_CHARGES, "complex", Jurisdiction.CN);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        Map.of(ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.REQUEST_EXTENSION));
    fixture.complete(c, "Task_ApproveExtension", "supervisor", Map.of(ComplaintProcess.EXTENSION_APPROVED, false,
        ComplaintProcess.MANAGER_NOTE, "not complex"));
    Complaint declined = complaints.get(c.getId());
    assertThat(declined.isExtended()).isFalse();
    assertThat(declined.getDueBy()).isEqualTo(c.getDueBy());
    assertThat(fixture.process(c)).hasNotPassed("Task_ExtendDeadline").isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(templates(c)).containsExactly("regulatory.complaint-acknowledged");
    assertThat(history(c)).contains("EXTENSION_DECLINED");
  }

  @Test
  void ukSummaryResolutionByTheThirdBusinessDayOtherwiseAFinalResponseWithinEightWeeks() {
    Complaint c = fixture.file(null, ComplaintCategory.SERVICE, "rude", Jurisdiction.UK);
    assertThat(c.getDueBy()).isEqualTo(instant(RECEIVED.plusWeeks(8), 10, 0));
    assertThat(c.getSummaryBy()).isEqualTo(instant(RECEIVED.plusDays(3), 18, 0));
    assertThatThrownBy(() -> fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        Map.of(ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.REQUEST_EXTENSION)))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("No extension");

    fixture.at(RECEIVED.plusDays(3), 17, 0);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", resolve("UPHELD",
        ComplaintProcess.REMEDY_APOLOGY, true, ComplaintProcess.SUMMARY_RESOLUTION, true));
    assertThat(templates(c)).containsExactlyInAnyOrder("regulatory.complaint-acknowledged",
        "regulatory.complaint-summary-resolution");
    assertThat(complaints.get(c.getId()).isSummaryResolution()).isTrue();

    Complaint late = fixture.file(null, ComplaintCategory.SERVICE, "rude", Jurisdiction.UK);
    fixture.at(RECEIVED.plusDays(4), 9, 0);
    assertThatThrownBy(() -> fixture.complete(late, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("UPHELD", ComplaintProcess.REMEDY_APOLOGY, true, ComplaintProcess.SUMMARY_RESOLUTION, true)))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("final response");
    fixture.complete(late, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("UPHELD", ComplaintProcess.REMEDY_APOLOGY, true));
    assertThat(templates(late)).contains("regulatory.complaint-final-response");
    assertThat(notifications.of(ComplaintNotices.SUBJECT_TYPE, late.getId())).anySatisfy(n -> {
      assertThat(n.getTemplateKey()).isEqualTo("regulatory.complaint-final-response");
      assertThat(n.getParameters()).contains("\"uk\":true");
    });
  }

  @Test
  void usInProgressNoticeAfterFifteenDaysAndTheFinalResponseBySixty() {
    Complaint c = fixture.file(null, ComplaintCategory.CREDIT_DECISION, "why", Jurisdiction.US);
    assertThat(c.getInProgressBy()).isEqualTo(instant(RECEIVED.plusDays(15), 10, 0));
    assertThat(c.getDueBy()).isEqualTo(instant(RECEIVED.plusDays(60), 10, 0));
    fixture.fire(c, "Event_InProgressDue");
    assertThat(fixture.process(c)).hasPassed("Task_SendInProgressNotice")
        .isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
    assertThat(templates(c)).containsExactlyInAnyOrder("regulatory.complaint-acknowledged",
        "regulatory.complaint-in-progress");
    assertThat(complaints.get(c.getId()).getInProgressSentAt()).isEqualTo(c.getInProgressBy());

    fixture.at(RECEIVED.plusDays(40), 10, 0);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", rejected());
    assertThat(templates(c)).contains("regulatory.complaint-final-response");
    assertThat(complaints.get(c.getId()).respondedInTime()).isTrue();
  }

  @Test
  void outsideTheUsTheInProgressTimerSendsNothing() {
    Complaint c = fixture.file(null, ComplaintCategory.SERVICE, "slow", Jurisdiction.CN);
    fixture.fire(c, "Event_ReminderDue");
    fixture.fire(c, "Event_EscalationDue");
    fixture.fire(c, "Event_InProgressDue");
    assertThat(fixture.process(c)).hasPassed("EndEvent_NoInProgressNotice").hasNotPassed("Task_SendInProgressNotice");
    assertThat(templates(c)).doesNotContain("regulatory.complaint-in-progress");
  }

  @Test
  void everyRemedyIsRecordedAndACreditReportCorrectionIsSentToTheBureau() {
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));
    Complaint c = fixture.file(loan, ComplaintCategory.FEES_AND_CHARGES, "wrong penalty", Jurisdiction.CN);

    assertThatThrownBy(() -> fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("UPHELD", ComplaintProcess.REMEDY_REFUND, true)))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("amount");
    assertThatThrownBy(() -> fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("REJECTED", ComplaintProcess.REMEDY_APOLOGY, true)))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("no remedy");
    assertThatThrownBy(() -> fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", resolve("UPHELD")))
        .rootCause().isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("at least one remedy");

    fixture.at(RECEIVED.plusDays(2), 11, 0);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", resolve("UPHELD",
        ComplaintProcess.REMEDY_REFUND, true, ComplaintProcess.REFUND_AMOUNT, "120.50",
        ComplaintProcess.REMEDY_FEE_WAIVER, true, ComplaintProcess.REMEDY_CREDIT_CORRECTION, true,
        ComplaintProcess.REMEDY_APOLOGY, true));

    Complaint resolved = complaints.get(c.getId());
    assertThat(resolved.getOutcome()).isEqualTo(ComplaintOutcome.UPHELD);
    assertThat(resolved.remedySet()).containsExactlyInAnyOrder(ComplaintRemedy.values());
    assertThat(resolved.getRefundAmount()).isEqualByComparingTo("120.50");
    assertThat(resolved.getResolvedBy()).isEqualTo("handler");
    assertThat(resolved.getBureauRecordId()).isNotNull();
    assertThat(bureau.find(loan, BureauReportKind.CORRECTION, RECEIVED.plusDays(2))).isPresent();
    assertThat(resolved.getStatus()).isEqualTo(ComplaintStatus.RESPONDED);
    assertThat(resolved.respondedInTime()).isTrue();
    assertThat(resolved.getFeedbackUntil()).isEqualTo(instant(RECEIVED.plusDays(16), 11, 0));
    Notification response = notifications.of(ComplaintNotices.SUBJECT_TYPE, c.getId()).stream()
        .filter(n -> n.getTemplateKey().equals("regulatory.complaint-final-response")).findFirst().orElseThrow();
    assertThat(response.getParameters()).contains("120.50").contains("\"creditReportCorrection\":true")
        .contains("\"cn\":true").contains("UPHELD");
    assertThat(fixture.process(c)).hasPassed("Task_ApplyRemedy", "Task_SendFinalResponse")
        .isWaitingAt("Gateway_AwaitFeedback");

    // a retried remedy step records no second correction
    complaints.applyRemedy(c.getId());
    assertThat(complaints.get(c.getId()).getBureauRecordId()).isEqualTo(resolved.getBureauRecordId());
  }

  @Test
  void satisfiedFeedbackClosesTheComplaint() {
    Complaint c = fixture.file(null, ComplaintCategory.SERVICE, "rude", Jurisdiction.CN);
    assertThatThrownBy(() -> complaints.feedback(c.getId(), true, null, "channel"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("after the final response");
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("PARTIALLY_UPHELD", ComplaintProcess.REMEDY_APOLOGY, true));

    fixture.at(RECEIVED.plusDays(5), 10, 0);
    complaints.feedback(c.getId(), true, "thanks", "channel");
    fixture.runJobs(c.getProcessInstanceId());
    Complaint closed = complaints.get(c.getId());
    assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.getCloseReason()).isEqualTo("CUSTOMER_SATISFIED");
    assertThat(fixture.process(c)).hasPassed("Event_FeedbackReceived", "Task_CloseComplaint", "EndEvent_Closed")
        .hasNotPassed("Task_SecondLevelReview").isEnded();
    // the same feedback again is harmless; other feedback is refused
    complaints.feedback(c.getId(), true, "thanks", "channel");
    assertThatThrownBy(() -> complaints.feedback(c.getId(), false, null, "channel"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void notSatisfiedGoesToSecondLevelReviewThenAFinalResponse() {
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));
    Complaint c = fixture.file(loan, ComplaintCategory.FEES_AND_CHARGES, "wrong fee", Jurisdiction.CN);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", rejected());
    fixture.at(RECEIVED.plusDays(3), 10, 0);
    complaints.feedback(c.getId(), false, "not what was agreed", "channel");
    fixture.runJobs(c.getProcessInstanceId());
    assertThat(complaints.get(c.getId()).getStatus()).isEqualTo(ComplaintStatus.SECOND_LEVEL_REVIEW);
    Task review = fixture.task(c, "Task_SecondLevelReview");
    assertThat(fixture.candidateGroups(review)).containsExactly("complaint-managers");
    assertThat(review.getCamundaFormRef().getKey()).isEqualTo("Form_ComplaintSecondLevel");

    fixture.complete(c, "Task_SecondLevelReview", "supervisor", resolve("UPHELD",
        ComplaintProcess.REMEDY_FEE_WAIVER, true, ComplaintProcess.REMEDY_CREDIT_CORRECTION, true));
    Complaint closed = complaints.get(c.getId());
    assertThat(closed.getOutcome()).isEqualTo(ComplaintOutcome.REJECTED);
    assertThat(closed.getSecondLevelOutcome()).isEqualTo(ComplaintOutcome.UPHELD);
    assertThat(closed.finalOutcome()).isEqualTo(ComplaintOutcome.UPHELD);
    assertThat(closed.getSecondLevelBy()).isEqualTo("supervisor");
    assertThat(closed.getBureauRecordId()).isNotNull();
    assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.getCloseReason()).isEqualTo("SECOND_LEVEL_RESPONSE");
    assertThat(templates(c)).containsExactlyInAnyOrder("regulatory.complaint-acknowledged",
        "regulatory.complaint-final-response", "regulatory.complaint-second-level-response");
    assertThat(fixture.process(c)).hasPassed("Task_ApplySecondLevelRemedy", "Task_SendSecondLevelResponse",
        "EndEvent_Closed").isEnded();
  }

  @Test
  void noAnswerWithinTheWindowClosesTheComplaintAndLateFeedbackIsRefused() {
    Complaint c = fixture.file(null, ComplaintCategory.OTHER, "hm", Jurisdiction.CN);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", rejected());
    assertThat(fixture.timerDue(c, "Event_FeedbackWindowClosed"))
        .isEqualTo(Date.from(instant(RECEIVED.plusDays(14), 10, 0)));
    fixture.at(RECEIVED.plusDays(14), 10, 1);
    assertThatThrownBy(() -> complaints.feedback(c.getId(), false, null, "channel"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("window");
    fixture.fire(c, "Event_FeedbackWindowClosed");
    Complaint closed = complaints.get(c.getId());
    assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.getCloseReason()).isEqualTo("NO_FEEDBACK");
    assertThat(fixture.process(c)).hasPassed("Event_FeedbackWindowClosed", "EndEvent_Closed").isEnded();
  }

  @Test
  void aCollectionConductComplaintHoldsTheLiveCollectionAndReleasesItOnClose() {
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));
    fixture.closeThrough(loan, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 12)); // 3 days past due
    ProcessInstance collection = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loan,
        Map.of(CollectionProcess.LOAN_NUMBER, loan, CollectionProcess.DAYS_PAST_DUE, 3,
            CollectionProcess.BUSINESS_DATE, "2027-02-12"));
    fixture.runJobs(collection.getId());
    assertThat(holds.onHold(loan)).isFalse();

    Complaint c = fixture.file(loan, null, "The collector threatened me", Jurisdiction.CN);
    assertThat(c.getCategory()).isEqualTo(ComplaintCategory.COLLECTION_CONDUCT);
    assertThat(c.isCollectionHold()).isTrue();
    assertThat(fixture.process(c)).hasPassed("Task_HoldCollection");
    assertThat(holds.onHold(loan)).isTrue();
    fixture.runJobs(collection.getId());
    assertThat(collection).hasPassed("Event_HoldRequested").isWaitingAt("Gateway_OnHold");
    assertThat(history(c)).contains("COLLECTION_HELD");

    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler",
        resolve("UPHELD", ComplaintProcess.REMEDY_APOLOGY, true));
    // the final response is a regulatory notice: not held back by the hold
    assertThat(templates(c)).contains("regulatory.complaint-final-response");
    assertThat(holds.onHold(loan)).isTrue(); // until the complaint closes
    complaints.feedback(c.getId(), true, null, "channel");
    fixture.runJobs(c.getProcessInstanceId());

    assertThat(complaints.get(c.getId()).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(holds.onHold(loan)).isFalse();
    fixture.runJobs(collection.getId());
    assertThat(collection).hasPassed("Event_Released");
    assertThat(history(c)).containsSubsequence("COLLECTION_HELD", "COLLECTION_RELEASED", "CLOSED");
  }

  @Test
  void aDisputedDebtHoldsCollectionWhateverTheCategory() {
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));
    fixture.at(RECEIVED, 10, 0);
    Complaint c = complaints.submit(new ComplaintService.Intake("EXT-DISPUTE-" + loan, null, loan,
        ComplaintChannel.WEB, ComplaintCategory.FEES_AND_CHARGES, ComplaintSeverity.LOW, true,
        "I do not owe this amount", "zh-CN"), "channel").complaint();
    fixture.runJobs(c.getProcessInstanceId());
    assertThat(complaints.get(c.getId()).isCollectionHold()).isTrue();
    assertThat(holds.onHold(loan)).isTrue();
  }

  @Test
  void complaintHandlersRegisterAComplaintFromTheTasklistStartForm() {
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));
    fixture.at(RECEIVED, 10, 0);
    Map<String, Object> form = new HashMap<>();
    form.put(ComplaintProcess.LOAN_NUMBER, loan);
    form.put(ComplaintProcess.FORM_CHANNEL, "BRANCH");
    form.put(ComplaintProcess.FORM_SEVERITY, "HIGH");
    form.put(ComplaintProcess.FORM_DESCRIPTION, "收费不透明，多扣了手续费");
    form.put(ComplaintProcess.FORM_LANGUAGE, "zh-CN");
    form.put(ComplaintProcess.REGISTERED_BY, "handler");
    ProcessInstance process = fixture.startFromForm(form);

    String id = (String) engine.getRuntimeService().getVariable(process.getId(), ComplaintProcess.COMPLAINT_ID);
    Complaint c = complaints.get(id);
    assertThat(c.getRegisteredBy()).isEqualTo("handler");
    assertThat(c.getLoanNumber()).isEqualTo(loan);
    assertThat(c.getDescription()).isEqualTo("收费不透明，多扣了手续费");
    assertThat(c.getProcessInstanceId()).isEqualTo(process.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(process.getId())
        .singleResult().getBusinessKey()).isEqualTo(id);
    assertThat(engine.getRuntimeService().getVariables(process.getId()))
        .doesNotContainKey(ComplaintProcess.FORM_DESCRIPTION);
    fixture.runJobs(process.getId());
    Complaint triaged = complaints.get(id);
    assertThat(triaged.getCategory()).isEqualTo(ComplaintCategory.FEES_AND_CHARGES);
    assertThat(triaged.getSeverity()).isEqualTo(ComplaintSeverity.HIGH);
    assertThat(fixture.task(triaged, ComplaintProcess.TASK_INVESTIGATE).getPriority()).isEqualTo(70);

    Map<String, Object> unknown = new HashMap<>(form);
    unknown.put(ComplaintProcess.LOAN_NUMBER, "LN0000000000");
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.COMPLAINT_RESOLUTION).count();
    assertThatThrownBy(() -> fixture.startFromForm(unknown))
        .isInstanceOf(ComplaintRuleViolation.class).hasMessageContaining("no such loan");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.COMPLAINT_RESOLUTION).count()).isEqualTo(before);
  }
}
