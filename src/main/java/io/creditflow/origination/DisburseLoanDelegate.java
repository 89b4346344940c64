package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DisburseLoan (asynchronous): credit line, loan and schedule; idempotent, so a retry never pays twice. */
@Component
class DisburseLoanDelegate implements JavaDelegate {

  private final OfferService offers;

  DisburseLoanDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("loanNumber", offers.disburse((String) execution.getVariable("applicationId")));
  }
}
