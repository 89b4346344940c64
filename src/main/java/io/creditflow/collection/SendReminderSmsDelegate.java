package io.creditflow.collection;

import io.creditflow.notification.NotificationChannel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReminderSms: the SMS reminder of the stage, into the outbox. */
@Component
class SendReminderSmsDelegate implements JavaDelegate {

  private final CollectionService collection;

  SendReminderSmsDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.sendReminder(execution.getProcessInstanceId(), NotificationChannel.SMS);
  }
}
