package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WriteOffLoan: the approved write-off (ledger WRITTEN_OFF, bureau CHARGED_OFF); the case closes. */
@Component
class WriteOffLoanDelegate implements JavaDelegate {

  private final LegalService legal;

  WriteOffLoanDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legal.writeOff((String) execution.getVariable(LegalProcess.CASE_ID));
  }
}
