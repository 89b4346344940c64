package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCured: the case ends CURED (notice, bureau record). */
@Component
class CloseCuredCaseDelegate implements JavaDelegate {

  private final CollectionService collection;

  CloseCuredCaseDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.closeCured(execution.getProcessInstanceId());
  }
}
