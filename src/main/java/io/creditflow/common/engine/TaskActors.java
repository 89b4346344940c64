package io.creditflow.common.engine;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a user task, for the task listeners that put a name on a decision. */
public final class TaskActors {

  private TaskActors() {}

  /**
   * The user completing the task: its assignee, else the user the engine has authenticated (Tasklist, REST); empty
   * when there is neither, e.g. an unclaimed task completed by a system caller. Each listener says in its own words
   * (and its own exception) that the task must be claimed first.
   */
  public static Optional<String> actingUser(DelegateTask task) {
    if (task.getAssignee() != null) {
      return Optional.of(task.getAssignee());
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }
}
