package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ExpireOffer: the customer did not answer in time. */
@Component
class ExpireOfferDelegate implements JavaDelegate {

  private final OfferService offers;

  ExpireOfferDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    offers.expire((String) execution.getVariable("applicationId"));
  }
}
