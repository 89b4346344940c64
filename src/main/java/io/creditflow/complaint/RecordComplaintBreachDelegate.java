package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordBreach: the deadline passed; recorded and counted once per deadline. */
@Component
class RecordComplaintBreachDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RecordComplaintBreachDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.breach(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
