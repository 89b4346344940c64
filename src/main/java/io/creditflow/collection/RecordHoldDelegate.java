package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordHold: the case is on hold. */
@Component
class RecordHoldDelegate implements JavaDelegate {

  private final CollectionService collection;

  RecordHoldDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.recordHold(execution.getProcessInstanceId());
  }
}
