package io.creditflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyCustomer (asynchronous): CREDIT_LIMIT_REVIEWED notice with the reason code, through the outbox. */
@Component
class NotifyLimitReviewDelegate implements JavaDelegate {

  private final ReviewActions actions;

  NotifyLimitReviewDelegate(ReviewActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LimitAction action = LimitAction.valueOf((String) execution.getVariable(CreditLimitReview.ACTION));
    actions.notifyCustomer((String) execution.getVariable(CreditLimitReview.CREDIT_LINE_ID), action,
        (String) execution.getVariable(action == LimitAction.FREEZE
            ? CreditLimitReview.CURRENT_LIMIT : CreditLimitReview.PROPOSED_LIMIT),
        (String) execution.getVariable(CreditLimitReview.REASON_CODE),
        (String) execution.getVariable(CreditLimitReview.REASON_TEXT),
        (String) execution.getVariable(CreditLimitReview.REVIEW_DATE));
  }
}
