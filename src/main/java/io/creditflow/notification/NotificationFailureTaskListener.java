package io.creditflow.notification;

import io.creditflow.common.engine.TaskActors;
import io.creditflow.notification.NotificationFailureProcess.Outcome;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ResolveFailedNotification. On create: what the form shows (type, channel, template, masked recipient,
 * attempts, last error) as task-local variables. On complete: the outcome must be RETRY or CANCEL, CANCEL needs a
 * reason of at most 500 characters, and the deciding user is recorded as {@code resolvedBy}; otherwise the
 * completion is refused.
 */
@Component
class NotificationFailureTaskListener implements TaskListener {

  private final NotificationOperations operations;

  NotificationFailureTaskListener(NotificationOperations operations) {
    this.operations = operations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(operations.failureSummary(
          (String) task.getVariable(NotificationFailureProcess.NOTIFICATION_ID)));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    Object outcome = task.getVariable(NotificationFailureProcess.OUTCOME);
    if (!(outcome instanceof String value) || Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(value))) {
      throw new NotificationRuleViolation(NotificationFailureProcess.OUTCOME + " must be one of "
          + Arrays.toString(Outcome.values()) + ".");
    }
    Object reason = task.getVariable(NotificationFailureProcess.CANCEL_REASON);
    if (Outcome.CANCEL.name().equals(outcome)) {
      if (!(reason instanceof String text) || text.isBlank()
          || text.length() > NotificationOperations.MAX_CANCEL_REASON) {
        throw new NotificationRuleViolation("Say why the notification is cancelled in "
            + NotificationFailureProcess.CANCEL_REASON + " (at most " + NotificationOperations.MAX_CANCEL_REASON
            + " characters).");
      }
    }
    task.getExecution().setVariable(NotificationFailureProcess.OUTCOME, outcome);
    task.getExecution().setVariable(NotificationFailureProcess.RESOLVED_BY, actingUser(task));
  }

  private static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new NotificationRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
