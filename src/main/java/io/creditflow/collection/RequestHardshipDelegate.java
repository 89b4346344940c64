package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestHardship: starts the hardship assessment the customer asked for on the call. */
@Component
class RequestHardshipDelegate implements JavaDelegate {

  private final CollectionService collection;

  RequestHardshipDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.requestHardship(execution.getProcessInstanceId(),
        execution.getVariable(CollectionProcess.HARDSHIP_REASON),
        execution.getVariable(CollectionProcess.REQUESTED_EXTENSION_MONTHS),
        (String) execution.getVariable(CollectionProcess.LAST_COLLECTOR));
    execution.removeVariable(CollectionProcess.HARDSHIP_REASON);
    execution.removeVariable(CollectionProcess.REQUESTED_EXTENSION_MONTHS);
  }
}
