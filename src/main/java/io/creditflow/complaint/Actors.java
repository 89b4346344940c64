package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The person completing a task: its assignee, else the authenticated user. */
final class Actors {

  private Actors() {}

  static String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ComplaintRuleViolation("Claim the task before completing it, so the decision has a name on it.");
    }
    return authentication.getUserId();
  }
}
