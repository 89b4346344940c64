package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordPayment: records a PaymentReceived on the case and sets paymentEffect (PAID_IN_FULL, TERMS_MET, NONE).
 * The payment's reference and amount are this run's (see {@link KeepPaymentInScopeListener}).
 */
@Component
class RecordLegalPaymentDelegate implements JavaDelegate {

  private final LegalService legal;

  RecordLegalPaymentDelegate(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(LegalProcess.PAYMENT_EFFECT, legal.paymentReceived(
        (String) execution.getVariable(LegalProcess.CASE_ID),
        (String) execution.getVariable(KeepPaymentInScopeListener.PAYMENT_REFERENCE),
        (Number) execution.getVariable(KeepPaymentInScopeListener.AMOUNT)).name());
  }
}
