package io.creditflow.hardship;

import io.creditflow.common.engine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AssessHardship. On create: what the form shows (reason, note, loan, current instalment and both options) as
 * task-local variables. On complete: the decision is validated and recorded, and its outputs set on the process; a
 * broken rule refuses the completion.
 */
@Component
class HardshipTaskListener implements TaskListener {

  private final HardshipService hardship;

  HardshipTaskListener(HardshipService hardship) {
    this.hardship = hardship;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = (String) task.getVariable(HardshipProcess.REQUEST_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(hardship.assessmentSummary(requestId));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    HardshipService.DecisionResult result = hardship.decide(requestId, actingUser(task),
        (String) task.getVariable(HardshipProcess.DECISION), (String) task.getVariable(HardshipProcess.DECLINE_REASON));
    task.getExecution().setVariable(HardshipProcess.DECISION, result.decision().name());
    task.getExecution().setVariable(HardshipProcess.NEW_REMAINING_MONTHS, result.newRemainingMonths());
    task.getExecution().setVariable(HardshipProcess.DECLINE_REASON, result.declineReason());
  }

  /** The person completing the task: its assignee, else the authenticated user. */
  private static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new HardshipRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
