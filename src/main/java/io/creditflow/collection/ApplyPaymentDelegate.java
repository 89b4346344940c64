package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyPayment (a payment reaching a case on hold): records it; {@code stillPastDue}: whether it goes on. */
@Component
class ApplyPaymentDelegate implements JavaDelegate {

  private final CollectionService collection;

  ApplyPaymentDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangedVariables.set(execution, CollectionProcess.STILL_PAST_DUE, collection.paymentReceived(
        execution.getProcessInstanceId(), (String) execution.getVariable(CollectionProcess.PAYMENT_REFERENCE),
        execution.getVariable(CollectionProcess.AMOUNT)));
  }
}
