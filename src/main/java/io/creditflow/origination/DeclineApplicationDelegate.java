package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeclineApplication: records the decline with its reasons and tells the customer why. */
@Component
class DeclineApplicationDelegate implements JavaDelegate {

  private final ApprovalService approvals;

  DeclineApplicationDelegate(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.decline((String) execution.getVariable("applicationId"),
        (String) execution.getVariable("declineReasonCode"));
  }
}
