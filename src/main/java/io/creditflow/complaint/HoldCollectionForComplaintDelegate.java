package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_HoldCollection: holds collection of the complaint's loan (source {@code complaint:<id>}). */
@Component
class HoldCollectionForComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  HoldCollectionForComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.holdCollection(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
