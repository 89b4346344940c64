package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseComplaint: closes the complaint and releases its collection hold. */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  CloseComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.close(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
