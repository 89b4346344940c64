package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendDemandLetter: the formal demand letter, into the outbox. */
@Component
class SendDemandLetterDelegate implements JavaDelegate {

  private final CollectionService collection;

  SendDemandLetterDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.sendDemandLetter(execution.getProcessInstanceId());
  }
}
