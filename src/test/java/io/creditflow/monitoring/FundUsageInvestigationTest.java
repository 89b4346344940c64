package io.creditflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.common.audit.AuditEvent;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.CreditLineStatus;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Classification of reports and every path of {@code fundUsageInvestigation}, on the real ledger and outbox. */
@CreditFlowWebTest
class FundUsageInvestigationTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @Autowired ProcessEngine engine;
  @Autowired FundUsageService service;
  @Autowired FundUsageReportRepository reports;
  @Autowired DisbursementService disbursements;
  @Autowired LoanQueries loans;
  @Autowired NotificationService notifications;
  @Autowired AuditTrail auditTrail;

  String loanNumber;

  @BeforeEach
  void aLoan() {
    BpmnAwareTests.init(engine);
    today(DISBURSED);
    loanNumber = loan(disbursements);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  /** 1,200.00 over 12 months at 12 % on a line of 10,000.00, disbursed today. */
  static String loan(DisbursementService disbursements) {
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(),
        "CNY", new BigDecimal("10000.00"), new BigDecimal("1200.00"), 12, new BigDecimal("0.12"), 0, "B"))
        .loanNumber();
  }

  private FundUsageReport report(MerchantCategory category, String amount, Instant occurredAt) {
    return service.report(loanNumber, new FundUsageCommand("FU-" + UUID.randomUUID(), category,
        "Golden Lotus Trading Co.", new BigDecimal(amount), occurredAt), "channel").report();
  }

  private FundUsageReport report(MerchantCategory category, String amount) {
    return report(category, amount, ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(1)));
  }

  private ProcessInstance investigation(FundUsageReport report) {
    assertThat(report.getInvestigationId()).isNotNull();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(report.getInvestigationId())
        .singleResult();
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
  }

  private void complete(ProcessInstance process, String user, Map<String, Object> variables) {
    Task task = task(process);
    engine.getTaskService().setAssignee(task.getId(), user);
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void runJobs(ProcessInstance process) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).executable()
          .list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private List<String> noticeTypes() {
    return notifications.of("loan", loanNumber).stream().map(Notification::getType).toList();
  }

  private Loan theLoan() {
    return loans.loan(loanNumber).orElseThrow().loan();
  }

  private CreditLineStatus lineStatus() {
    return loans.creditLine(theLoan().getCreditLineId()).orElseThrow().creditLine().getStatus();
  }

  @Test
  void anAllowedUseIsStoredAndStartsNothing() {
    FundUsageReport report = report(MerchantCategory.RETAIL, "800.00");

    assertThat(report.getClassification()).isEqualTo(FundUsageClassification.ALLOWED);
    assertThat(report.getReasonCode()).isEqualTo("FU_ALLOWED");
    assertThat(report.getInvestigationId()).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(report.getReportReference()).count()).isZero();
    assertThat(auditTrail.of("loan", loanNumber)).extracting(AuditEvent::getAction).contains("FUND_USAGE_REPORTED");
  }

  @Test
  void aClearedInvestigationChangesNothingAndTellsNoOne() {
    FundUsageReport report = report(MerchantCategory.GAMBLING, "100.00");
    assertThat(report.getClassification()).isEqualTo(FundUsageClassification.PROHIBITED);
    ProcessInstance process = investigation(report);

    assertThat(process).isWaitingAt("Task_InvestigateFundUsage").hasBusinessKey(report.getReportReference());
    assertThat(task(process)).hasCandidateGroup("risk-managers");
    assertThat(process).variables().containsEntry("loanNumber", loanNumber).containsEntry("reportId", report.getId())
        .containsEntry("classification", "PROHIBITED").containsEntry("reasonCode", "FU_GAMBLING")
        .doesNotContainValue("Golden Lotus Trading Co.");

    complete(process, "risk", Map.of("investigationOutcome", "CLEAR"));

    assertThat(process).hasPassed("Gateway_Outcome", "EndEvent_Cleared").isEnded();
    assertThat(lineStatus()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(noticeTypes()).doesNotContain("FUND_USAGE_LINE_FROZEN", "LOAN_RECALLED");
  }

  @Test
  void aFreezeFreezesTheLineAndTellsTheCustomer() {
    // 600.00 cash is half of the principal
    FundUsageReport report = report(MerchantCategory.CASH_WITHDRAWAL, "600.00");
    assertThat(report.getClassification()).isEqualTo(FundUsageClassification.SUSPICIOUS);
    assertThat(report.getReasonCode()).isEqualTo("FU_LARGE_CASH_OUT");
    ProcessInstance process = investigation(report);

    complete(process, "risk", Map.of("investigationOutcome", "FREEZE_LINE",
        "investigationComment", "Cash-out right after disbursement"));
    assertThat(process).isWaitingAt("Task_FreezeCreditLine");
    runJobs(process);

    assertThat(process).hasPassed("Task_FreezeCreditLine", "Task_NotifyLineFrozen", "EndEvent_LineFrozen").isEnded();
    assertThat(lineStatus()).isEqualTo(CreditLineStatus.FROZEN);
    assertThat(notifications.of("loan", loanNumber)).filteredOn(n -> n.getType().equals("FUND_USAGE_LINE_FROZEN"))
        .singleElement().satisfies(n -> assertThat(n.getRecipientRef()).isEqualTo(theLoan().getCustomerId()));
    assertThat(auditTrail.of("credit-line", theLoan().getCreditLineId())).singleElement()
        .satisfies(event -> {
          assertThat(event.getAction()).isEqualTo("CREDIT_LINE_FROZEN");
          assertThat(event.getActor()).isEqualTo("risk");
        });
    assertThat(theLoan().getScheduleVersion()).isEqualTo(1);
  }

  @Test
  void aRecallMakesTheWholeBalanceDueTodayFreezesTheLineAndTellsTheCustomer() {
    FundUsageReport report = report(MerchantCategory.SECURITIES, "900.00");
    ProcessInstance process = investigation(report);
    today(DISBURSED.plusDays(10));

    complete(process, "risk", Map.of("investigationOutcome", "RECALL_LOAN",
        "investigationComment", "Bought shares with the loan"));
    runJobs(process);

    assertThat(process).hasPassed("Task_RecallLoan", "Task_NotifyLoanRecalled", "EndEvent_LoanRecalled").isEnded();
    Loan loan = theLoan();
    assertThat(loan.getScheduleVersion()).isEqualTo(2);
    assertThat(loan.getMaturityDate()).isEqualTo(DISBURSED.plusDays(10));
    assertThat(loans.loan(loanNumber).orElseThrow().schedule()).singleElement()
        .satisfies(line -> assertThat(line.getPrincipalDue()).isEqualByComparingTo("1200.00"));
    assertThat(lineStatus()).isEqualTo(CreditLineStatus.FROZEN);
    assertThat(noticeTypes()).containsOnlyOnce("LOAN_RECALLED");
  }

  @Test
  void anIncompleteDecisionIsRefused() {
    ProcessInstance process = investigation(report(MerchantCategory.CRYPTO, "50.00"));

    assertThatThrownBy(() -> complete(process, "risk", Map.of("investigationOutcome", "FREEZE_LINE")))
        .hasRootCauseInstanceOf(InvestigationRuleViolation.class).hasMessageContaining("investigationComment");
    assertThatThrownBy(() -> complete(process, "risk", Map.of("investigationOutcome", "IGNORE")))
        .hasRootCauseInstanceOf(InvestigationRuleViolation.class).hasMessageContaining("must be one of");
    assertThat(process).isWaitingAt("Task_InvestigateFundUsage");
  }

  @Test
  void theFifthTransferWithinSevenDaysIsSuspicious() {
    today(DISBURSED.plusDays(20));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // eight days ago: outside the window
    assertThat(report(MerchantCategory.TRANSFER, "10.00", now.minus(Duration.ofDays(8))).getClassification())
        .isEqualTo(FundUsageClassification.ALLOWED);
    for (int k = 4; k >= 1; k--) {
      assertThat(report(MerchantCategory.TRANSFER, "10.00", now.minus(Duration.ofDays(k))).getClassification())
          .isEqualTo(FundUsageClassification.ALLOWED);
    }
    FundUsageReport fifth = report(MerchantCategory.TRANSFER, "10.00", now.minus(Duration.ofMinutes(5)));

    assertThat(fifth.getClassification()).isEqualTo(FundUsageClassification.SUSPICIOUS);
    assertThat(fifth.getReasonCode()).isEqualTo("FU_MANY_TRANSFERS");
    assertThat(investigation(fifth)).isWaitingAt("Task_InvestigateFundUsage");
    assertThat(reports.findByReportReference(fifth.getReportReference())).isPresent();
  }
}
