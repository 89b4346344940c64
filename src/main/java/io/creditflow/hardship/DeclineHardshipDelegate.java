package io.creditflow.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeclineHardship: records the decline and tells the customer the reason (outbox). */
@Component
class DeclineHardshipDelegate implements JavaDelegate {

  private final HardshipService hardship;

  DeclineHardshipDelegate(HardshipService hardship) {
    this.hardship = hardship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hardship.decline((String) execution.getVariable(HardshipProcess.REQUEST_ID));
  }
}
