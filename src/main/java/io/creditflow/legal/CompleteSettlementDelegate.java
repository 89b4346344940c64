package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompleteSettlement: the settlement or judgment amount was paid; the rest is forgiven (loan SETTLED, bureau SETTLED). */
@Component
class CompleteSettlementDelegate implements JavaDelegate {

  private final LegalService legal;

  CompleteSettlementDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legal.completeSettlement((String) execution.getVariable(LegalProcess.CASE_ID));
  }
}
