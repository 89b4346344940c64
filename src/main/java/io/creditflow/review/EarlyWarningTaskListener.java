package io.creditflow.review;

import io.creditflow.review.EarlyWarningReview.Outcome;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewEarlyWarning, on complete: the outcome must be NO_ACTION, WATCHLIST, CONTACT_CUSTOMER or REVIEW_LIMIT, a
 * comment (at most 500 characters) is required for all but NO_ACTION, and the reviewer is recorded as
 * {@code reviewedBy}.
 */
@Component
class EarlyWarningTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable(EarlyWarningReview.OUTCOME);
    if (!(outcome instanceof String value) || Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(value))) {
      throw new ReviewRuleViolation("earlyWarningOutcome must be one of " + Arrays.toString(Outcome.values()) + ".");
    }
    String comment = Actors.comment(task, EarlyWarningReview.COMMENT, MAX_COMMENT);
    if (!Outcome.NO_ACTION.name().equals(value) && (comment == null || comment.isBlank())) {
      throw new ReviewRuleViolation("Say why in earlyWarningComment unless the outcome is NO_ACTION.");
    }
    task.getExecution().setVariable(EarlyWarningReview.REVIEWED_BY, Actors.actingUser(task));
  }
}
