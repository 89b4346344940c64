package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckCallAllowed: the contact policy's decision on a call now (ALLOWED, DEFERRED, SKIPPED or ON_HOLD). */
@Component
class CheckCallAllowedDelegate implements JavaDelegate {

  private final CollectionService collection;

  CheckCallAllowedDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CollectionService.CallCheck check = collection.checkCall(execution.getProcessInstanceId());
    execution.setVariable(CollectionProcess.CALL_DECISION, check.decision());
    execution.setVariable(CollectionProcess.CALL_NOT_BEFORE, check.notBefore());
    execution.setVariable(CollectionProcess.CALL_ALLOWED_REASON, check.reason());
    execution.setVariable(CollectionProcess.CONTACT_DECISION_ID, check.decisionId());
  }
}
