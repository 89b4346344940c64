package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenCase: the case record with the strategy; its id as {@code caseId}. */
@Component
class OpenCollectionCaseDelegate implements JavaDelegate {

  private final CollectionService collection;

  OpenCollectionCaseDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CollectionCase opened = collection.open((String) execution.getVariable(CollectionProcess.LOAN_NUMBER),
        execution.getProcessInstanceId(), (String) execution.getVariable(CollectionProcess.STRATEGY));
    execution.setVariable(CollectionProcess.CASE_ID, opened.getId());
  }
}
