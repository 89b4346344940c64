package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.cob.CobTest;
import io.creditflow.identity.ProcessKeys;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The minimal {@code collection}: a collector's contact task, ended early by a payment that cures the arrears. */
@CobTest
class CollectionProcessTest {

  @Autowired ProcessEngine engine;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aCollectorContactsTheCustomerAndRecordsTheOutcome() {
    ProcessInstance process = start();
    assertThat(process).isWaitingAt("Task_ContactCustomer");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).initializeFormKeys()
        .singleResult();
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("Form_CollectionContact");
    assertThat(task.getCamundaFormRef().getBinding()).isEqualTo("latest");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("collectors"));
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("collectors")
        .processInstanceBusinessKey(process.getBusinessKey()).count()).isEqualTo(1);

    engine.getTaskService().complete(task.getId(), Map.of(CollectionProcess.CONTACT_OUTCOME, "PROMISE_TO_PAY",
        CollectionProcess.PROMISED_PAYMENT_DATE, "2027-02-20"));

    assertThat(process).hasPassed("EndEvent_Contacted").hasNotPassed("EndEvent_Cured").isEnded()
        .variables().containsEntry("contactOutcome", "PROMISE_TO_PAY");
  }

  @Test
  void aPaymentReceivedEndsTheCaseAsCured() {
    ProcessInstance process = start();

    engine.getRuntimeService().createMessageCorrelation(CollectionProcess.MESSAGE_PAYMENT_RECEIVED)
        .processInstanceBusinessKey(process.getBusinessKey()).correlate();

    assertThat(process).hasPassed("Event_PaymentReceived", "EndEvent_Cured").hasNotPassed("EndEvent_Contacted")
        .isEnded();
  }

  private ProcessInstance start() {
    String loanNumber = "LN" + UUID.randomUUID().toString().substring(0, 8);
    return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loanNumber, Map.of(
        CollectionProcess.LOAN_NUMBER, loanNumber, CollectionProcess.DAYS_PAST_DUE, 4,
        CollectionProcess.BUSINESS_DATE, "2027-02-09"));
  }
}
