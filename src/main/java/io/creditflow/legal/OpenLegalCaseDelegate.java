package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenCase: opens the case (loan IN_LEGAL, collection contact held) and sets legalCaseId. */
@Component
class OpenLegalCaseDelegate implements JavaDelegate {

  private final LegalService legal;

  OpenLegalCaseDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LegalCase c = legal.open(execution.getProcessInstanceId(),
        (String) execution.getVariable(LegalProcess.LOAN_NUMBER),
        (String) execution.getVariable(LegalProcess.COLLECTION_CASE_ID));
    execution.setVariable(LegalProcess.CASE_ID, c.getId());
  }
}
