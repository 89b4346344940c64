package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReturnToCollection: the case ends, the loan leaves IN_LEGAL, collection resumes. */
@Component
class ReturnToCollectionDelegate implements JavaDelegate {

  private final LegalService legal;

  ReturnToCollectionDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legal.returnToCollection((String) execution.getVariable(LegalProcess.CASE_ID));
  }
}
