package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ExtendDeadline (CN): the longer deadline, new timer points, notice to the customer. */
@Component
class ExtendComplaintDeadlineDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ExtendComplaintDeadlineDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(complaints.extend(id(execution)));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
