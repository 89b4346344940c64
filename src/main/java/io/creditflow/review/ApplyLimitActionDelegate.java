package io.creditflow.review;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyLimitAction (asynchronous): the new limit or the freeze, by the approver or the system; idempotent. */
@Component
class ApplyLimitActionDelegate implements JavaDelegate {

  private final ReviewActions actions;

  ApplyLimitActionDelegate(ReviewActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decidedBy = execution.getVariable(CreditLimitReview.DECIDED_BY);
    actions.apply((String) execution.getVariable(CreditLimitReview.CREDIT_LINE_ID),
        LimitAction.valueOf((String) execution.getVariable(CreditLimitReview.ACTION)),
        new BigDecimal((String) execution.getVariable(CreditLimitReview.PROPOSED_LIMIT)),
        (String) execution.getVariable(CreditLimitReview.REASON_CODE),
        decidedBy == null ? CreditLimitReview.SYSTEM : (String) decidedBy);
  }
}
