package io.creditflow.origination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.common.web.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code loanOrigination}, on the real services, DMN tables and sandbox bureau (in-memory H2; jobs and
 * timers driven by the test). Coverage report: target/process-test-coverage.
 */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class OriginationProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  ApplicationService applications;

  @Autowired
  LoanApplicationRepository repository;

  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-04T02:00:00Z")));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void primeApplicantIsApprovedAutomaticallyAndTheAcceptedOfferIsDisbursed() {
    LoanApplication application = submit("PRIME", "50000.00", 24, LoanPurpose.HOME_RENOVATION, "1500.00");
    ProcessInstance process = process(application);
    runJobs();

    assertThat(process).hasPassed("Task_ScreenApplication", "Task_FetchBureauReport", "Task_ScoreApplicant",
        "Task_DecideApplication", "Task_MakeOffer").hasNotPassed("Task_ReviewApplication")
        .isWaitingAt("Gateway_AwaitAnswer");
    LoanApplication offered = reload(application);
    assertThat(offered.getStatus()).isEqualTo(ApplicationStatus.OFFERED);
    assertThat(offered.getOutcome()).isEqualTo(DecisionOutcome.AUTO_APPROVE);
    assertThat(offered.getRiskGrade()).isEqualTo("A");
    assertThat(offered.getReasons()).hasSizeBetween(3, 4);
    assertThat(offered.getOfferLimit()).isEqualByComparingTo("100000.00"); // capped at the auto-approval ceiling
    assertThat(offered.getOfferAmount()).isEqualByComparingTo("50000.00");
    assertThat(offered.getOfferTermMonths()).isEqualTo(24);
    assertThat(offered.getOfferInstalment()).isPositive();

    applications.answerOffer(application.getId(), true, "channel");
    assertThat(process).isWaitingAt("Task_DisburseLoan");
    runJobs();

    assertThat(process).hasPassed("Task_DisburseLoan").isEnded();
    assertThat(process).hasPassed("EndEvent_LoanDisbursed");
    LoanApplication disbursed = reload(application);
    assertThat(disbursed.getStatus()).isEqualTo(ApplicationStatus.DISBURSED);
    assertThat(disbursed.getLoanNumber()).startsWith("LN");
  }

  @Test
  void nearPrimeIsReferredAndAnOfficerApprovesALowerLimitAndTerm() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.EDUCATION, "1000.00");
    ProcessInstance process = process(application);
    runJobs();

    assertThat(process).isWaitingAt("Task_ReviewApplication");
    Task review = task(process);
    assertThat(review.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-06T02:00:00Z")));
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("credit-officers"));
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(review.getId());
    assertThat(shown).containsKeys("applicantName", "bureauSummary", "scoreText", "grade", "reasonsText",
        "suggestedLimitText").doesNotContainKeys("nationalId", "mobile", "email");
    assertThat(reload(application).getStatus()).isEqualTo(ApplicationStatus.UNDER_REVIEW);

    long suggested = (Long) engine.getRuntimeService().getVariable(process.getId(), "suggestedLimit");
    int maxTerm = (Integer) engine.getRuntimeService().getVariable(process.getId(), "maxTermMonths");
    complete(review, "officer", Map.of("reviewDecision", "APPROVE", "approvedLimit", 20000,
        "approvedTermMonths", Math.min(12, maxTerm)));

    assertThat(process).hasPassed("Task_MakeOffer").isWaitingAt("Gateway_AwaitAnswer");
    LoanApplication offered = reload(application);
    assertThat(offered.getReviewedBy()).isEqualTo("officer");
    assertThat(offered.getOfferLimit()).isEqualByComparingTo("20000.00");
    assertThat(offered.getOfferAmount()).isEqualByComparingTo("20000.00");
    assertThat(offered.getOfferTermMonths()).isEqualTo(Math.min(12, maxTerm));
    assertThat(suggested).isGreaterThanOrEqualTo(20000);
  }

  @Test
  void anOfficerCannotRaiseTheLimitAboveTheMatrix() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.EDUCATION, "1000.00");
    ProcessInstance process = process(application);
    runJobs();
    Task review = task(process);
    long suggested = (Long) engine.getRuntimeService().getVariable(process.getId(), "suggestedLimit");

    assertThatThrownBy(() -> complete(review, "officer", Map.of("reviewDecision", "APPROVE",
        "approvedLimit", suggested + 1000, "approvedTermMonths", 12)))
        .hasRootCauseInstanceOf(ApprovalRuleViolation.class).rootCause().hasMessageContaining("above the suggested limit");
    assertThatThrownBy(() -> complete(review, "officer", Map.of("reviewDecision", "APPROVE",
        "approvedLimit", 5000, "approvedTermMonths", 48)))
        .hasRootCauseInstanceOf(ApprovalRuleViolation.class).rootCause().hasMessageContaining("must be one of");
    assertThatThrownBy(() -> complete(review, "officer", Map.of("reviewDecision", "DECLINE")))
        .hasRootCauseInstanceOf(ApprovalRuleViolation.class).rootCause().hasMessageContaining("decline reason");
    assertThat(process).isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void anOfficerDeclinesWithAReasonTheCustomerIsTold() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.TRAVEL, "1000.00");
    ProcessInstance process = process(application);
    runJobs();

    complete(task(process), "officer", Map.of("reviewDecision", "DECLINE", "declineReason", "INSUFFICIENT_INCOME"));

    assertThat(process).hasPassed("Task_DeclineApplication", "EndEvent_Declined").isEnded();
    LoanApplication declined = reload(application);
    assertThat(declined.getStatus()).isEqualTo(ApplicationStatus.DECLINED);
    assertThat(declined.getReasons().get(0).code()).isEqualTo("INSUFFICIENT_INCOME");
    assertThat(declined.getReasons().get(0).text()).isNotBlank();
  }

  @Test
  void aboveTheFourEyesThresholdASecondPersonMustApprove() {
    LoanApplication application = submit("PRIME", "250000.00", 36, LoanPurpose.HOME_RENOVATION, "1000.00",
        "80000.00");
    ProcessInstance process = process(application);
    runJobs();
    assertThat(process).isWaitingAt("Task_ReviewApplication"); // above the auto-approval ceiling

    complete(task(process), "officer", Map.of("reviewDecision", "APPROVE", "approvedLimit", 250000,
        "approvedTermMonths", 36));
    assertThat(process).isWaitingAt("Task_SecondApproval");
    Task second = task(process);
    assertThat(engine.getTaskService().getIdentityLinksForTask(second.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("credit-managers"));

    assertThatThrownBy(() -> complete(second, "officer", Map.of("secondDecision", "APPROVE")))
        .hasRootCauseInstanceOf(ApprovalRuleViolation.class).rootCause().hasMessageContaining("Four eyes");
    assertThat(process).isWaitingAt("Task_SecondApproval");

    complete(task(process), "manager", Map.of("secondDecision", "APPROVE"));
    assertThat(process).hasPassed("Task_MakeOffer").isWaitingAt("Gateway_AwaitAnswer");
    LoanApplication offered = reload(application);
    assertThat(offered.getSecondApprover()).isEqualTo("manager");
    assertThat(offered.getOfferLimit()).isEqualByComparingTo("250000.00");
  }

  @Test
  void aSecondApproverMayDecline() {
    LoanApplication application = submit("PRIME", "250000.00", 36, LoanPurpose.HOME_RENOVATION, "1000.00",
        "80000.00");
    ProcessInstance process = process(application);
    runJobs();
    complete(task(process), "officer", Map.of("reviewDecision", "APPROVE", "approvedLimit", 220000,
        "approvedTermMonths", 36));

    complete(task(process), "manager", Map.of("secondDecision", "DECLINE", "secondDeclineReason", "POLICY"));

    assertThat(process).hasPassed("EndEvent_Declined").isEnded();
    assertThat(reload(application).getReasons().get(0).code()).isEqualTo("POLICY");
  }

  @Test
  void documentsRequestedAndReceivedGoBackToTheOfficer() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.HEALTHCARE, "1000.00");
    ProcessInstance process = process(application);
    runJobs();

    complete(task(process), "officer", Map.of("reviewDecision", "REQUEST_DOCUMENTS",
        "documentsRequested", "Last three payslips"));
    assertThat(process).hasPassed("Task_RequestDocuments").isWaitingAt("Gateway_AwaitDocuments");
    assertThat(reload(application).getDocumentsRequested()).isEqualTo("Last three payslips");

    applications.submitDocuments(application.getId(),
        List.of(new ApplicationService.Document("PAYSLIP", "dms://docs/123")), "channel");

    assertThat(process).hasPassed("Event_DocumentsReceived").isWaitingAt("Task_ReviewApplication");
    assertThat(applications.documentsOf(application.getId())).singleElement()
        .satisfies(document -> assertThat(document.getDocumentType()).isEqualTo("PAYSLIP"));
    complete(task(process), "officer", Map.of("reviewDecision", "APPROVE", "approvedLimit", 10000,
        "approvedTermMonths", 12));
    assertThat(process).isWaitingAt("Gateway_AwaitAnswer");
  }

  @Test
  void documentsNotReceivedInTimeDecline() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.HEALTHCARE, "1000.00");
    ProcessInstance process = process(application);
    runJobs();
    complete(task(process), "officer", Map.of("reviewDecision", "REQUEST_DOCUMENTS",
        "documentsRequested", "Bank statement"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-11T02:00:01Z")));
    runJobs();

    assertThat(process).hasPassed("Event_DocumentsTimedOut", "EndEvent_Declined").isEnded();
    assertThat(reload(application).getReasons().get(0).code()).isEqualTo("KO_DOCUMENTS_NOT_RECEIVED");
    assertThatThrownBy(() -> applications.submitDocuments(application.getId(),
        List.of(new ApplicationService.Document("PAYSLIP", "dms://late")), "channel"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aReviewLeftTooLongIsEscalatedToCreditManagers() {
    LoanApplication application = submit("NEAR-PRIME", "30000.00", 24, LoanPurpose.HEALTHCARE, "1000.00");
    ProcessInstance process = process(application);
    runJobs();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-06T02:00:01Z")));
    runJobs();

    assertThat(process).hasPassed("Event_ReviewOverdue").isWaitingAt("Task_ReviewApplicationEscalated");
    Task escalated = task(process);
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("credit-managers"));
    complete(escalated, "manager", Map.of("reviewDecision", "APPROVE", "approvedLimit", 10000,
        "approvedTermMonths", 12));
    assertThat(process).isWaitingAt("Gateway_AwaitAnswer");
  }

  @Test
  void thinFileIsReferred() {
    LoanApplication application = submit("THIN", "20000.00", 12, LoanPurpose.HOUSEHOLD_GOODS, "500.00");
    ProcessInstance process = process(application);
    runJobs();

    assertThat(process).isWaitingAt("Task_ReviewApplication");
    assertThat(reload(application).getReasons()).extracting(ReasonCode::code).contains("REFER_THIN_FILE");
  }

  @Test
  void knockOutsAreDeclinedWithTheirReason() {
    assertDeclined(submit("BANKRUPT", "20000.00", 12, LoanPurpose.HOUSEHOLD_GOODS, "500.00"), "KO_BANKRUPTCY");
    assertDeclined(submit("FRAUD", "20000.00", 12, LoanPurpose.HOUSEHOLD_GOODS, "500.00"), "KO_FRAUD_ALERT");
    assertDeclined(submit("PRIME", "20000.00", 12, LoanPurpose.HOUSEHOLD_GOODS, "11000.00"), "KO_DEBT_TO_INCOME");
    assertDeclined(submit("PRIME", "20000.00", 12, LoanPurpose.REAL_ESTATE, "500.00"), "KO_PROHIBITED_PURPOSE");
  }

  @Test
  void aSecondOpenApplicationOfTheSameCustomerIsDeclined() {
    String nationalId = nationalId("PRIME");
    LoanApplication first = submit(nationalId, "20000.00", 12, LoanPurpose.HOUSEHOLD_GOODS, "500.00", "18000.00");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-04T02:00:05Z")));
    LoanApplication second = submit(nationalId, "30000.00", 12, LoanPurpose.TRAVEL, "500.00", "18000.00");
    runJobs();

    assertThat(process(first)).isWaitingAt("Gateway_AwaitAnswer");
    assertThat(process(second)).hasPassed("EndEvent_Declined").hasNotPassed("Task_FetchBureauReport");
    assertThat(reload(second).getReasons().get(0).code()).isEqualTo("KO_DUPLICATE_APPLICATION");
  }

  @Test
  void aRejectedOfferEndsTheApplication() {
    LoanApplication application = submit("PRIME", "50000.00", 24, LoanPurpose.TRAVEL, "1000.00");
    ProcessInstance process = process(application);
    runJobs();

    applications.answerOffer(application.getId(), false, "channel");

    assertThat(process).hasPassed("EndEvent_OfferRejected").isEnded();
    assertThat(reload(application).getStatus()).isEqualTo(ApplicationStatus.CANCELLED);
    // the same answer again is harmless; a different one is a conflict
    assertThat(applications.answerOffer(application.getId(), false, "channel").getStatus())
        .isEqualTo(ApplicationStatus.CANCELLED);
    assertThatThrownBy(() -> applications.answerOffer(application.getId(), true, "channel"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void anUnansweredOfferExpires() {
    LoanApplication application = submit("PRIME", "50000.00", 24, LoanPurpose.TRAVEL, "1000.00");
    ProcessInstance process = process(application);
    runJobs();
    assertThat(reload(application).getOfferExpiresAt()).isEqualTo(Instant.parse("2027-01-18T02:00:00Z"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-18T02:00:01Z")));
    runJobs();

    assertThat(process).hasPassed("Event_OfferExpired", "Task_ExpireOffer", "EndEvent_OfferExpired").isEnded();
    assertThat(reload(application).getStatus()).isEqualTo(ApplicationStatus.EXPIRED);
  }

  @Test
  void aBureauFailureIsRetriedWithBackOffAndThenRaisesAnIncident() {
    LoanApplication application = submit("UNAVAILABLE", "20000.00", 12, LoanPurpose.TRAVEL, "500.00");
    ProcessInstance process = process(application);
    runJob(process); // screening
    assertThat(process).isWaitingAt("Task_FetchBureauReport");

    List<java.time.Duration> waits = new java.util.ArrayList<>();
    for (int attempt = 1; attempt <= 10; attempt++) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
      if (job.getRetries() == 0) {
        break;
      }
      if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.now())) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      Instant failedAt = ClockUtil.now().toInstant();
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        assertThat(expected).hasMessageNotContaining("SANDBOX");
      }
      Job after = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
      if (after.getRetries() > 0) {
        waits.add(java.time.Duration.between(failedAt, after.getDuedate().toInstant()));
      }
    }

    assertThat(waits).containsExactly(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(2),
        java.time.Duration.ofMinutes(10));
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_FetchBureauReport");
    assertThat(reload(application).getStatus()).isEqualTo(ApplicationStatus.RECEIVED);
  }

  /** Runs the one job of this process that is due now. */
  private void runJob(ProcessInstance process) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).executable()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private void assertDeclined(LoanApplication application, String code) {
    runJobs();
    assertThat(process(application)).hasPassed("Task_DeclineApplication", "EndEvent_Declined").isEnded();
    LoanApplication declined = reload(application);
    assertThat(declined.getStatus()).isEqualTo(ApplicationStatus.DECLINED);
    assertThat(declined.getReasons().get(0).code()).isEqualTo(code);
    assertThat(declined.getReasons()).hasSizeBetween(1, 4);
  }

  static String nationalId(String persona) {
    return "SANDBOX-" + persona + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  private LoanApplication submit(String persona, String amount, int term, LoanPurpose purpose, String debt) {
    return submit(nationalId(persona), amount, term, purpose, debt, "18000.00");
  }

  private LoanApplication submit(String personaOrId, String amount, int term, LoanPurpose purpose, String debt,
      String income) {
    String nationalId = personaOrId.startsWith("SANDBOX-") && personaOrId.length() > 20 ? personaOrId
        : nationalId(personaOrId);
    return submitted(applications.submit(new ApplicationService.NewApplication("T-" + UUID.randomUUID(), Channel.WEB, null,
        new ApplicationService.Applicant(nationalId, "Li Wei", LocalDate.of(1990, 4, 12), "+8613800138000",
            "li.wei@example.com", new BigDecimal(income), 48, new BigDecimal(debt), 1, "zh-CN"),
        new BigDecimal(amount), term, purpose), "test").application());
  }

  private LoanApplication submitted(LoanApplication application) {
    instances.put(application.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(application.getProcessInstanceId()).singleResult());
    return application;
  }

  /** The application's process instance, captured at submission (it still runs then: screening is asynchronous). */
  private ProcessInstance process(LoanApplication application) {
    return instances.get(application.getId());
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getTaskService().setAssignee(task.getId(), user);
    engine.getTaskService().complete(task.getId(), variables);
  }

  private LoanApplication reload(LoanApplication application) {
    return repository.findById(application.getId()).orElseThrow();
  }

  /** Runs every job that is due now (async continuations and due timers), as the job executor would. */
  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          // a failing job keeps its incident/retries; the tests look at that
        }
      }
    }
    throw new IllegalStateException("jobs keep coming after 50 rounds");
  }
}
