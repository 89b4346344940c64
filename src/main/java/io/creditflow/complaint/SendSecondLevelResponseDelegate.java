package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendSecondLevelResponse: the second level's final response. */
@Component
class SendSecondLevelResponseDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  SendSecondLevelResponseDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.sendSecondLevelResponse(id(execution));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
