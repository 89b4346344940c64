package io.creditflow.origination;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MakeOffer: final terms, offer notice; the offer's expiry drives Event_OfferExpired. */
@Component
class MakeOfferDelegate implements JavaDelegate {

  private final OfferService offers;

  MakeOfferDelegate(OfferService offers) {
    this.offers = offers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("offerExpiresAt",
        Date.from(offers.makeOffer((String) execution.getVariable("applicationId"))));
  }
}
