package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewApplication and Task_ReviewApplicationEscalated. On create: the summary the form shows, as task-local
 * variables. On complete: the decision is validated and recorded; a broken rule refuses the completion.
 */
@Component
class ReviewTaskListener implements TaskListener {

  private final ApprovalService approvals;

  ReviewTaskListener(ApprovalService approvals) {
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
    String reviewer = actingUser(task);
    ApprovalService.ReviewResult result = approvals.review(applicationId, reviewer,
        (String) task.getVariable("reviewDecision"), (Number) task.getVariable("approvedLimit"),
        (Number) task.getVariable("approvedTermMonths"), (String) task.getVariable("declineReason"),
        (String) task.getVariable("documentsRequested"));
    task.getExecution().setVariable("fourEyesRequired", result.fourEyesRequired());
    task.getExecution().setVariable("firstApprover", reviewer);
    if (result.declineReasonCode() != null) {
      task.getExecution().setVariable("declineReasonCode", result.declineReasonCode());
    }
  }

  /** The person completing the task: its assignee, else the authenticated user. */
  static String actingUser(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApprovalRuleViolation("Claim the task before completing it, so the decision has a name on it.");
    }
    return authentication.getUserId();
  }
}
