package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareLegalHandover: the case ends LEGAL before legalHandover starts. */
@Component
class PrepareLegalHandoverDelegate implements JavaDelegate {

  private final CollectionService collection;

  PrepareLegalHandoverDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.handOverToLegal(execution.getProcessInstanceId());
  }
}
