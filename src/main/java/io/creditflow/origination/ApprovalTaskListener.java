package io.creditflow.origination;

import io.creditflow.common.engine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The approval tasks of {@code loanOrigination}: Task_ReviewApplication, Task_ReviewApplicationEscalated and
 * Task_SecondApproval. On create: the summary the form shows, as task-local variables. On complete: the decision is
 * validated and recorded; a broken rule (limit above the matrix, same person twice, no reason) refuses the completion.
 */
@Component
class ApprovalTaskListener implements TaskListener {

  static final String SECOND_APPROVAL = "Task_SecondApproval";

  private final ApprovalService approvals;

  ApprovalTaskListener(ApprovalService approvals) {
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
    String user = actingUser(task);
    ApprovalService.ReviewResult result;
    if (SECOND_APPROVAL.equals(task.getTaskDefinitionKey())) {
      result = approvals.secondApproval(applicationId, user, (String) task.getVariable("secondDecision"),
          (String) task.getVariable("secondDeclineReason"));
    } else {
      result = approvals.review(applicationId, user, (String) task.getVariable("reviewDecision"),
          (Number) task.getVariable("approvedLimit"), (Number) task.getVariable("approvedTermMonths"),
          (String) task.getVariable("declineReason"), (String) task.getVariable("documentsRequested"));
      task.getExecution().setVariable("fourEyesRequired", result.fourEyesRequired());
      task.getExecution().setVariable("firstApprover", user);
    }
    if (result.declineReasonCode() != null) {
      task.getExecution().setVariable("declineReasonCode", result.declineReasonCode());
    }
  }

  /** The person completing the task: its assignee, else the authenticated user. */
  private static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new ApprovalRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
