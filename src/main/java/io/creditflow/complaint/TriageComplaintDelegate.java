package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TriageComplaint: category (given or guessed from keywords), DMN complaintTriage, deadlines. */
@Component
class TriageComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  TriageComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(complaints.triage(id(execution)));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
