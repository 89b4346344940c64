package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplySecondLevelRemedy: the remedy decided by the second-level review. */
@Component
class ApplySecondLevelRemedyDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ApplySecondLevelRemedyDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.applyRemedy(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
