package io.creditflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RetryNotification: the FAILED notification goes back to PENDING with its attempts reset; idempotent. */
@Component
class RetryNotificationDelegate implements JavaDelegate {

  private final NotificationOperations operations;

  RetryNotificationDelegate(NotificationOperations operations) {
    this.operations = operations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    operations.retry((String) execution.getVariable(NotificationFailureProcess.NOTIFICATION_ID),
        (String) execution.getVariable(NotificationFailureProcess.RESOLVED_BY));
  }
}
