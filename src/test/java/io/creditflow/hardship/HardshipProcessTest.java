package io.creditflow.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

/** Every path of {@code hardshipAssessment} and the options it computes, with the fake ledger actions. */
@HardshipTest
class HardshipProcessTest {

  private static final LocalDate BOOKED = LocalDate.of(2027, 1, 31);

  @Autowired ProcessEngine engine;
  @Autowired HardshipService hardship;
  @Autowired io.creditflow.collection.CollectionHolds holds;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired LoanQueries loans;
  @Autowired NotificationService notifications;
  @Autowired FakeLedgerActions ledger;

  String loanNumber;

  @BeforeEach
  void aLoan() {
    BpmnAwareTests.init(engine);
    Loans.today(BOOKED);
    loanNumber = Loans.loan(disbursements, customers);
    ledger.restructurings.clear();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void optionsCompareTheCurrentInstalmentWithAnExtensionAndTheSmallestExtensionReachingTheProposal() {
    HardshipRequest request = request(6, "600.00");
    runJobs(request);

    HardshipRequest prepared = hardship.get(request.getId());
    Loan loan = loans.loan(loanNumber).orElseThrow().loan();
    BigDecimal firstInstalment = loans.loan(loanNumber).orElseThrow().schedule().get(0).getTotalDue();
    assertThat(prepared.getRemainingMonths()).isEqualTo(12);
    assertThat(prepared.getCurrentInstalment()).isEqualByComparingTo(firstInstalment);
    assertThat(prepared.getExtensionMonths()).isEqualTo(6);
    assertThat(prepared.getExtensionInstalment()).isEqualByComparingTo("731.78"); // 12,000.00 at 1 % over 18
    int reduced = prepared.getReducedExtensionMonths();
    assertThat(prepared.getReducedInstalment()).isEqualByComparingTo(
        FakeLedgerActions.annuity(loan.getOutstandingPrincipal(), loan.getAnnualRate(), 12 + reduced));
    assertThat(prepared.getReducedInstalment()).isLessThanOrEqualTo(new BigDecimal("600.00"));
    assertThat(FakeLedgerActions.annuity(loan.getOutstandingPrincipal(), loan.getAnnualRate(), 12 + reduced - 1))
        .isGreaterThan(new BigDecimal("600.00")); // the smallest such extension
    assertThat(reduced).isEqualTo(11); // 12 + 11 months: 586.63
  }

  @Test
  void aProposalNoExtensionReachesIsShownAsImpossible() {
    HardshipRequest request = request(3, "300.00");
    ProcessInstance process = process(request);
    runJobs(request);

    HardshipRequest prepared = hardship.get(request.getId());
    assertThat(prepared.getReducedExtensionMonths()).isNull();
    assertThat(prepared.getReducedInstalment()).isNull();
    assertThat(process).variables().containsEntry(HardshipProcess.REDUCED_OPTION_POSSIBLE, false);
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task(process).getId());
    assertThat((String) shown.get("reducedText")).startsWith("Not possible");

    assertThatThrownBy(() -> complete(task(process), "officer",
        Map.of(HardshipProcess.DECISION, "APPROVE_REDUCED_INSTALMENT")))
        .rootCause().isInstanceOf(HardshipRuleViolation.class).hasMessageContaining("no reduced-instalment option");
    assertThat(process).isWaitingAt(HardshipProcess.TASK_ASSESS);
  }

  @Test
  void anOfficerApprovesTheExtensionTheLoanIsRestructuredAndTheCustomerTold() {
    HardshipRequest request = request(6, null);
    ProcessInstance process = process(request);
    assertThat(process).isWaitingAt("Task_PrepareOptions");
    runJobs(request);

    assertThat(process).isWaitingAt(HardshipProcess.TASK_ASSESS);
    Task task = task(process);
    assertThat(task.getDueDate()).isEqualTo(Date.from(Loans.todayInstant(BOOKED).plusSeconds(2 * 86400)));
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("credit-officers"));
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("Form_HardshipAssessment");
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task.getId());
    assertThat(shown).containsKeys("hardshipReason", "noteText", "loanText", "currentText", "extensionText",
        "reducedText");
    assertThat((String) shown.get("extensionText")).contains("731.78").contains("18 months");
    assertThat((String) shown.get("reducedText")).startsWith("Not available");
    assertThat(engine.getRuntimeService().getVariables(process.getId()))
        .doesNotContainKeys("noteText", "note", "hardshipReason");

    complete(task, "officer", Map.of(HardshipProcess.DECISION, "APPROVE_EXTENSION"));
    assertThat(process).isWaitingAt("Task_RestructureLoan");
    runJobs(request);

    assertThat(process).hasPassed("Task_RestructureLoan", "Task_NotifyRestructured", "EndEvent_Restructured")
        .hasNotPassed("Task_DeclineHardship").isEnded();
    assertThat(ledger.restructurings).singleElement().satisfies(call -> {
      assertThat(call.loanNumber()).isEqualTo(loanNumber);
      assertThat(call.newRemainingMonths()).isEqualTo(18);
      assertThat(call.actor()).isEqualTo("officer");
      assertThat(call.reason()).contains("JOB_LOSS").contains(request.getId()).doesNotContain("lost my job");
    });
    HardshipRequest approved = hardship.get(request.getId());
    assertThat(approved.getStatus()).isEqualTo(HardshipStatus.APPROVED);
    assertThat(approved.getChosenOption()).isEqualTo(HardshipDecision.APPROVE_EXTENSION);
    assertThat(approved.getNewInstalment()).isEqualByComparingTo("731.78");
    assertThat(approved.getNewRemainingMonths()).isEqualTo(18);
    assertThat(approved.getDecidedBy()).isEqualTo("officer");
    List<Notification> sent = notifications.of("hardship-request", request.getId());
    assertThat(sent).singleElement().satisfies(notice -> {
      assertThat(notice.getType()).isEqualTo(HardshipNotices.HARDSHIP_APPROVED);
      assertThat(notice.getParameters()).contains("731.78").contains("18").doesNotContain("lost my job");
    });

    // the restructuring is not repeated by a retried step
    hardship.restructure(request.getId());
    assertThat(ledger.restructurings).hasSize(1);
  }

  @Test
  void anOfficerApprovesTheReducedInstalment() {
    HardshipRequest request = request(2, "600.00");
    ProcessInstance process = process(request);
    runJobs(request);

    complete(task(process), "officer", Map.of(HardshipProcess.DECISION, "APPROVE_REDUCED_INSTALMENT"));
    runJobs(request);

    assertThat(process).hasPassed("EndEvent_Restructured").isEnded();
    assertThat(ledger.restructurings).singleElement()
        .satisfies(call -> assertThat(call.newRemainingMonths()).isEqualTo(23));
    assertThat(hardship.get(request.getId()).getNewInstalment()).isLessThanOrEqualTo(new BigDecimal("600.00"));
  }

  @Test
  void anOfficerDeclinesWithAReasonTheCustomerIsTold() {
    HardshipRequest request = request(6, "600.00");
    ProcessInstance process = process(request);
    runJobs(request);

    assertThatThrownBy(() -> complete(task(process), "officer", Map.of(HardshipProcess.DECISION, "DECLINE")))
        .rootCause().isInstanceOf(HardshipRuleViolation.class).hasMessageContaining("decline reason");
    complete(task(process), "officer", Map.of(HardshipProcess.DECISION, "DECLINE",
        HardshipProcess.DECLINE_REASON, "HARDSHIP_NOT_SHOWN"));

    assertThat(process).hasPassed("Task_DeclineHardship", "EndEvent_Declined").hasNotPassed("Task_RestructureLoan")
        .isEnded();
    assertThat(ledger.restructurings).isEmpty();
    HardshipRequest declined = hardship.get(request.getId());
    assertThat(declined.getStatus()).isEqualTo(HardshipStatus.DECLINED);
    assertThat(declined.getDeclineReason()).isEqualTo(HardshipDeclineReason.HARDSHIP_NOT_SHOWN);
    assertThat(notifications.of("hardship-request", request.getId())).singleElement().satisfies(notice -> {
      assertThat(notice.getType()).isEqualTo(HardshipNotices.HARDSHIP_DECLINED);
      assertThat(notice.getParameters()).contains("HARDSHIP_NOT_SHOWN");
    });

    // decided: a new request may be made
    HardshipRequest again = request(3, null);
    assertThat(again.getStatus()).isEqualTo(HardshipStatus.REQUESTED);
  }

  @Test
  void theProcessRunsUnderTheLoanNumberAndHoldsCollectionUntilItEnds() {
    assertThat(holds.onHold(loanNumber)).isFalse();
    HardshipRequest request = request(6, null);

    assertThat(holds.onHold(loanNumber)).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(loanNumber)
        .processDefinitionKey(ProcessKeys.HARDSHIP_ASSESSMENT).count()).isEqualTo(1);
    assertThat(process(request)).variables().containsEntry(HardshipProcess.REQUEST_ID, request.getId())
        .containsEntry(HardshipProcess.LOAN_NUMBER, loanNumber);
  }

  private HardshipRequest request(int months, String proposed) {
    return hardship.request(loanNumber, new HardshipService.NewRequest(HardshipReason.JOB_LOSS, "I lost my job",
        months, proposed == null ? null : new BigDecimal(proposed)), "channel");
  }

  private ProcessInstance process(HardshipRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(request.getProcessInstanceId()).singleResult();
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).initializeFormKeys()
        .singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getTaskService().claim(task.getId(), user);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      Task open = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
      if (open != null) {
        engine.getTaskService().setAssignee(task.getId(), null);
      }
    }
  }

  private void runJobs(HardshipRequest request) {
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(request.getProcessInstanceId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

}
