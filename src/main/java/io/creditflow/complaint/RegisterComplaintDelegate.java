package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint. A complaint from the API is already stored (complaintId set). One from the Tasklist start
 * form is stored now, in the start's transaction (unusable values refuse the start with the reason), its id becomes
 * the business key, and the description is removed from the variables: it is kept only encrypted in the table.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RegisterComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String given = (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
    String id = complaints.register(given, execution.getVariables(),
        (String) execution.getVariable(ComplaintProcess.REGISTERED_BY), execution.getProcessInstanceId());
    if (given == null) {
      execution.setVariable(ComplaintProcess.COMPLAINT_ID, id);
      execution.setProcessBusinessKey(id);
      execution.removeVariable(ComplaintProcess.FORM_DESCRIPTION);
      execution.removeVariable(ComplaintProcess.FORM_NATIONAL_ID);
    }
  }
}
