package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyRemedy: the remedy decided by the investigation (credit-report correction to the bureau). */
@Component
class ApplyComplaintRemedyDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ApplyComplaintRemedyDelegate(ComplaintService complaints) {
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
