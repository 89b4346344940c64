package io.creditflow.inspection;

import io.creditflow.common.engine.TaskActors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_CompleteChecklist, on complete: every item PASS or FAIL, a comment (at most 500 characters) for every FAIL,
 * and the inspector recorded as {@code inspectedBy}. The task stays open otherwise.
 */
@Component
class ChecklistTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  @Override
  public void notify(DelegateTask task) {
    for (ChecklistItem item : ChecklistItem.values()) {
      Object result = task.getVariable(item.resultVariable());
      if (!ChecklistItem.PASS.equals(result) && !ChecklistItem.FAIL.equals(result)) {
        throw new ProcessEngineException(item.resultVariable() + " must be PASS or FAIL.");
      }
      Object comment = task.getVariable(item.commentVariable());
      if (comment != null && (!(comment instanceof String text) || text.length() > MAX_COMMENT)) {
        throw new ProcessEngineException(item.commentVariable() + " must be text of at most " + MAX_COMMENT
            + " characters.");
      }
      if (ChecklistItem.FAIL.equals(result) && (comment == null || ((String) comment).isBlank())) {
        throw new ProcessEngineException("Say what failed in " + item.commentVariable() + ".");
      }
    }
    task.getExecution().setVariable(PostLoanInspection.INSPECTED_BY, actingUser(task));
  }

  static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new ProcessEngineException("Claim the task before completing it, so the finding has a name on it."));
  }
}
