package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LapseSettlement: the settlement deadline passed unpaid; the case goes back to review. */
@Component
class LapseSettlementDelegate implements JavaDelegate {

  private final LegalService legal;

  LapseSettlementDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legal.settlementLapsed((String) execution.getVariable(LegalProcess.CASE_ID));
  }
}
