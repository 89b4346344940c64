package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_HoldForDispute: holds collection until the dispute is reviewed. */
@Component
class HoldForDisputeDelegate implements JavaDelegate {

  private final CollectionService collection;

  HoldForDisputeDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.holdForDispute(execution.getProcessInstanceId());
  }
}
