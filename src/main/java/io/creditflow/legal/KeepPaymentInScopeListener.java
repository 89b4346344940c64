package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * StartEvent_PaymentReceived (start): keeps this payment's {@code paymentReference} and {@code amount} as variables of
 * this run of the event sub-process. The message sets them on the process instance, and Task_RecordPayment runs later
 * in a job: a second payment arriving before that job overwrote them, and the case recorded the second payment twice
 * and lost the first. The copy is taken in the transaction that delivers the message, so each run reads its own.
 */
@Component
class KeepPaymentInScopeListener implements ExecutionListener {

  static final String PAYMENT_REFERENCE = "paymentReference";
  static final String AMOUNT = "amount";

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(PAYMENT_REFERENCE, execution.getVariable(PAYMENT_REFERENCE));
    execution.setVariableLocal(AMOUNT, execution.getVariable(AMOUNT));
  }
}
