package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ClosePaidInFull: the loan was repaid in full during the case; the case closes, the hold is released. */
@Component
class ClosePaidInFullDelegate implements JavaDelegate {

  private final LegalService legal;

  ClosePaidInFullDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legal.closePaidInFull((String) execution.getVariable(LegalProcess.CASE_ID));
  }
}
