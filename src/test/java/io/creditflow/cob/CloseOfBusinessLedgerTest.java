package io.creditflow.cob;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The close of business on the real ledger, not a fake: a missed instalment makes the loan delinquent, accrues a
 * penalty and starts a collection (not for loans with a collection or legal handover open); a loan paid on time stays
 * quiet; paying the arrears reaches the waiting collection.
 */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true"})
@ActiveProfiles("test")
class CloseOfBusinessLedgerTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  ProcessEngine engine;

  @Autowired
  CobRunService runs;

  @Autowired
  DisbursementService disbursements;

  @Autowired
  PaymentService payments;

  @Autowired
  LoanQueries loans;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aMissedInstalmentLeadsToDelinquencyAPenaltyAndACollectionThatThePaymentCures() {
    today(LocalDate.of(2027, 1, 10));
    String missed = book();
    String punctual = book();
    // two more missed, with a collection and a legal handover open: the close's group skips them
    String inCollection = book();
    String inLegal = book();
    String opened = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, inCollection,
        Map.of("loanNumber", inCollection, "daysPastDue", 5, "businessDate", "2027-02-14")).getId();
    String legal = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.LEGAL_HANDOVER, inLegal,
        Map.of("loanNumber", inLegal)).getId();

    today(LocalDate.of(2027, 2, 10));
    Instalment first = loans.loan(punctual).orElseThrow().schedule().get(0);
    payments.post(punctual, new PaymentCommand("PAY-" + UUID.randomUUID(), first.getTotalDue(),
        LocalDate.of(2027, 2, 10), PaymentChannel.PAYMENT_GATEWAY));

    today(LocalDate.of(2027, 2, 15));
    CobRun run = runs.start(LocalDate.of(2027, 2, 14), "risk");
    runJobs(run.getProcessInstanceId());

    assertThat(runs.get(run.getId(), 10).run().getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertThat(runs.get(run.getId(), 10).steps()).filteredOn(step -> step.getStep() == CobStepName.START_COLLECTIONS)
        .singleElement().satisfies(step -> {
          assertThat(step.getProcessed()).isEqualTo(1);
          assertThat(step.getSkipped()).isEqualTo(2);
          assertThat(step.getFailed()).isZero();
        });
    assertThat(collections(inCollection)).singleElement()
        .satisfies(existing -> assertThat(((ProcessInstance) existing).getId()).isEqualTo(opened));
    assertThat(collections(inLegal)).isEmpty();
    engine.getRuntimeService().deleteProcessInstance(legal, "test: the handover only had to be open");
    engine.getRuntimeService().deleteProcessInstance(opened, "test: the collection only had to be open");
    Loan late = loans.loan(missed).orElseThrow().loan();
    assertThat(late.getStatus()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(late.getDaysPastDue()).isEqualTo(5); // due 10 Feb, unpaid at the close of 14 Feb
    assertThat(late.getOutstandingPenalty()).isPositive();
    assertThat(late.getLastClosedOn()).isEqualTo(LocalDate.of(2027, 2, 14));
    assertThat(collections(missed)).hasSize(1);
    String collection = ((ProcessInstance) collections(missed).get(0)).getId();
    // started through the close's start message: the first plan ran in the close's transaction, no job of its own
    assertThat(passed(collection)).contains("StartEvent_PastDueAtCob", "Task_GatherFacts", "Task_ChooseStrategy",
        "Task_OpenCase", "Task_PlanNextStep").doesNotContain("StartEvent_PastDue");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(collection).executable().count())
        .isZero();
    assertThat(engine.getRuntimeService().getVariable(collection, "strategy")).isNotNull();
    // the facts found the days past due the close passed at the start: written once
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(collection)
        .variableUpdates().list()).filteredOn(d -> "daysPastDue".equals(
            ((HistoricVariableUpdate) d).getVariableName())).hasSize(1);
    runCollectionJobs(collection); // nothing is due: the case waits for its next stage

    Loan onTime = loans.loan(punctual).orElseThrow().loan();
    assertThat(onTime.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(onTime.getDaysPastDue()).isZero();
    assertThat(collections(punctual)).isEmpty();

    Instalment overdue = loans.loan(missed).orElseThrow().schedule().get(0);
    payments.post(missed, new PaymentCommand("PAY-" + UUID.randomUUID(),
        overdue.getTotalDue().add(late.getOutstandingPenalty()), LocalDate.of(2027, 2, 15),
        PaymentChannel.BANK_TRANSFER));
    runCollectionJobs(collection); // the payment reached the waiting case: re-evaluated, cured

    assertThat(collections(missed)).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.COLLECTION).processInstanceBusinessKey(missed).finished().count())
        .isEqualTo(1);
    Loan cured = loans.loan(missed).orElseThrow().loan();
    assertThat(cured.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(cured.getDaysPastDue()).isZero();
  }

  private String book() {
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(),
        "CNY", new BigDecimal("10000.00"), new BigDecimal("6000.00"), 6, new BigDecimal("0.090000"), 0, "B"))
        .loanNumber();
  }

  private List<?> collections(String loanNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.COLLECTION)
        .processInstanceBusinessKey(loanNumber).list();
  }

  private List<String> passed(String processInstanceId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private void runCollectionJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 200; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("close of business still has jobs after 200 rounds");
  }
}
