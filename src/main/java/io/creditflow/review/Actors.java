package io.creditflow.review;

import io.creditflow.common.engine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The user completing a task: its assignee, else the authenticated user; a task must have a name on it. */
final class Actors {

  private Actors() {}

  static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new ReviewRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }

  static String comment(DelegateTask task, String name, int max) {
    Object comment = task.getVariable(name);
    if (comment != null && (!(comment instanceof String text) || text.length() > max)) {
      throw new ReviewRuleViolation(name + " must be text of at most " + max + " characters.");
    }
    return (String) comment;
  }
}
