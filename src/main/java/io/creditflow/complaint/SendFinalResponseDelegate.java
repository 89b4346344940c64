package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendFinalResponse: final response or summary resolution; opens the feedback window. */
@Component
class SendFinalResponseDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  SendFinalResponseDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ComplaintProcess.FEEDBACK_UNTIL, complaints.sendFinalResponse(id(execution)));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
  }
}
