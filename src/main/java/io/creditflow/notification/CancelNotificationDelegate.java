package io.creditflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CancelNotification: the FAILED notification is CANCELLED with the operator's reason; idempotent. */
@Component
class CancelNotificationDelegate implements JavaDelegate {

  private final NotificationOperations operations;

  CancelNotificationDelegate(NotificationOperations operations) {
    this.operations = operations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    operations.cancel((String) execution.getVariable(NotificationFailureProcess.NOTIFICATION_ID),
        (String) execution.getVariable(NotificationFailureProcess.CANCEL_REASON),
        (String) execution.getVariable(NotificationFailureProcess.RESOLVED_BY));
  }
}
