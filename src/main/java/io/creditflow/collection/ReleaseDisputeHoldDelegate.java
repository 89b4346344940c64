package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReleaseDisputeHold: records the finding and releases the dispute's hold. */
@Component
class ReleaseDisputeHoldDelegate implements JavaDelegate {

  private final CollectionService collection;

  ReleaseDisputeHoldDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.releaseDisputeHold(execution.getProcessInstanceId(),
        (String) execution.getVariable(CollectionProcess.DISPUTE_OUTCOME),
        (String) execution.getVariable(CollectionProcess.DISPUTE_REVIEWED_BY));
  }
}
