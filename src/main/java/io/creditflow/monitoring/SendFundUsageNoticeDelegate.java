package io.creditflow.monitoring;

import io.creditflow.monitoring.FundUsageInvestigation.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyLineFrozen and Task_NotifyLoanRecalled (asynchronous): the customer's notice, through the outbox. */
@Component
class SendFundUsageNoticeDelegate implements JavaDelegate {

  private final FundUsageActions actions;

  SendFundUsageNoticeDelegate(FundUsageActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.notifyCustomer((String) execution.getVariable(FundUsageInvestigation.REPORT_ID),
        Outcome.valueOf((String) execution.getVariable(FundUsageInvestigation.OUTCOME)));
  }
}
