package io.creditflow.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecallLoan (asynchronous): the whole balance falls due today and the line is frozen; idempotent. */
@Component
class RecallLoanDelegate implements JavaDelegate {

  private final FundUsageActions actions;

  RecallLoanDelegate(FundUsageActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.recallLoan((String) execution.getVariable(FundUsageInvestigation.REPORT_ID),
        (String) execution.getVariable(FundUsageInvestigation.INVESTIGATED_BY));
  }
}
