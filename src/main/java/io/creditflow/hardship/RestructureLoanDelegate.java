package io.creditflow.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RestructureLoan: a new schedule version over the decided term; the loan becomes RESTRUCTURED. */
@Component
class RestructureLoanDelegate implements JavaDelegate {

  private final HardshipService hardship;

  RestructureLoanDelegate(HardshipService hardship) {
    this.hardship = hardship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hardship.restructure((String) execution.getVariable(HardshipProcess.REQUEST_ID));
  }
}
