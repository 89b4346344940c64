package io.creditflow.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FreezeCreditLine (asynchronous): freezes the loan's credit line; idempotent. */
@Component
class FreezeCreditLineDelegate implements JavaDelegate {

  private final FundUsageActions actions;

  FreezeCreditLineDelegate(FundUsageActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.freezeLine((String) execution.getVariable(FundUsageInvestigation.REPORT_ID),
        (String) execution.getVariable(FundUsageInvestigation.INVESTIGATED_BY));
  }
}
