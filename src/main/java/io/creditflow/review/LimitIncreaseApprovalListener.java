package io.creditflow.review;

import io.creditflow.review.CreditLimitReview.Decision;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveLimitIncrease, on complete: {@code limitIncreaseDecision} must be APPROVE or DECLINE, a comment (at most 500
 * characters) is required to decline, and the deciding user is recorded as {@code decidedBy}, the actor of the limit
 * change.
 */
@Component
class LimitIncreaseApprovalListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(CreditLimitReview.DECISION);
    if (!(decision instanceof String value)
        || Arrays.stream(Decision.values()).noneMatch(d -> d.name().equals(value))) {
      throw new ReviewRuleViolation("limitIncreaseDecision must be one of " + Arrays.toString(Decision.values()) + ".");
    }
    String comment = Actors.comment(task, CreditLimitReview.COMMENT, MAX_COMMENT);
    if (Decision.DECLINE.name().equals(value) && (comment == null || comment.isBlank())) {
      throw new ReviewRuleViolation("Say why in approvalComment when the increase is declined.");
    }
    task.getExecution().setVariable(CreditLimitReview.DECIDED_BY, Actors.actingUser(task));
  }
}
