package io.creditflow.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareOptions: quotes the term-extension and reduced-instalment options for the credit officer. */
@Component
class PrepareHardshipOptionsDelegate implements JavaDelegate {

  private final HardshipService hardship;

  PrepareHardshipOptionsDelegate(HardshipService hardship) {
    this.hardship = hardship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean reduced = hardship.prepareOptions((String) execution.getVariable(HardshipProcess.REQUEST_ID));
    execution.setVariable(HardshipProcess.REDUCED_OPTION_POSSIBLE, reduced);
  }
}
