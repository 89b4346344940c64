package io.creditflow.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyRestructured: tells the customer the new instalment and term (outbox). */
@Component
class NotifyRestructuredDelegate implements JavaDelegate {

  private final HardshipService hardship;

  NotifyRestructuredDelegate(HardshipService hardship) {
    this.hardship = hardship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hardship.notifyRestructured((String) execution.getVariable(HardshipProcess.REQUEST_ID));
  }
}
