package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordPayment: records the payment on the case; {@code paymentEffect} (RECORDED, REPLAN, CURED) says whether
 * the case leaves its stages, {@code stillPastDue} whether it goes on after that.
 */
@Component
class RecordPaymentDelegate implements JavaDelegate {

  private final CollectionService collection;

  RecordPaymentDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentEffect effect = collection.paymentRecorded(execution.getProcessInstanceId(),
        (String) execution.getVariable(CollectionProcess.PAYMENT_REFERENCE),
        execution.getVariable(CollectionProcess.AMOUNT),
        (Integer) execution.getVariable(CollectionProcess.DAYS_PAST_DUE));
    ChangedVariables.set(execution, CollectionProcess.PAYMENT_EFFECT, effect.name());
    ChangedVariables.set(execution, CollectionProcess.STILL_PAST_DUE, effect != PaymentEffect.CURED);
  }
}
