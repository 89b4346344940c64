package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestDocuments: tells the applicant which documents the credit officer needs. */
@Component
class RequestDocumentsDelegate implements JavaDelegate {

  private final ApprovalService approvals;

  RequestDocumentsDelegate(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.requestDocuments((String) execution.getVariable("applicationId"));
  }
}
