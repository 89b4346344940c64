package io.creditflow.portfolio;

import io.creditflow.common.engine.TaskActors;
import io.creditflow.portfolio.PortfolioEarlyWarning.Action;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewPortfolioWarning, on complete: {@code portfolioAction} must be one of {@link Action}, a comment (at most
 * 500 characters) is required, and the reviewer is recorded as {@code portfolioReviewedBy}. The task stays open
 * otherwise.
 */
@Component
class PortfolioWarningTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  @Override
  public void notify(DelegateTask task) {
    Object action = task.getVariable(PortfolioEarlyWarning.ACTION);
    if (!(action instanceof String value) || Arrays.stream(Action.values()).noneMatch(a -> a.name().equals(value))) {
      throw new ProcessEngineException(PortfolioEarlyWarning.ACTION + " must be one of "
          + Arrays.toString(Action.values()) + ".");
    }
    Object comment = task.getVariable(PortfolioEarlyWarning.COMMENT);
    if (!(comment instanceof String text) || text.isBlank() || text.length() > MAX_COMMENT) {
      throw new ProcessEngineException(PortfolioEarlyWarning.COMMENT + " is required, at most " + MAX_COMMENT
          + " characters.");
    }
    task.getExecution().setVariable(PortfolioEarlyWarning.REVIEWED_BY, actingUser(task));
  }

  static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new ProcessEngineException("Claim the task before completing it, so the decision has a name on it."));
  }
}
