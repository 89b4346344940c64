package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_SecondApproval: four eyes, enforced on completion (a different person from the first approver). */
@Component
class SecondApprovalTaskListener implements TaskListener {

  private final ApprovalService approvals;

  SecondApprovalTaskListener(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void notify(DelegateTask task) {
    String applicationId = (String) task.getVariable("applicationId");
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(approvals.reviewSummary(applicationId));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    ApprovalService.ReviewResult result = approvals.secondApproval(applicationId, ReviewTaskListener.actingUser(task),
        (String) task.getVariable("secondDecision"), (String) task.getVariable("secondDeclineReason"));
    if (result.declineReasonCode() != null) {
      task.getExecution().setVariable("declineReasonCode", result.declineReasonCode());
    }
  }
}
