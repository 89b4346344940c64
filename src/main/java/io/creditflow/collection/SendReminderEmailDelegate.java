package io.creditflow.collection;

import io.creditflow.notification.NotificationChannel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReminderEmail: the e-mail reminder of the stage, into the outbox. */
@Component
class SendReminderEmailDelegate implements JavaDelegate {

  private final CollectionService collection;

  SendReminderEmailDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.sendReminder(execution.getProcessInstanceId(), NotificationChannel.EMAIL);
  }
}
