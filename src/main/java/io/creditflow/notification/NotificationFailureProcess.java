package io.creditflow.notification;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Process {@code notificationFailure} ({@code processes/notification-failure.bpmn}; business key = notification id):
 * a notification the dispatcher gave up on becomes a task for {@code operations}, who send it again (RETRY: back to
 * PENDING, attempts reset) or cancel it with a reason (CANCEL). Started by the dispatcher inside the transaction that
 * marks the notification FAILED (see {@link NotificationDispatcher}), so one never exists without the other.
 */
@Component
public class NotificationFailureProcess implements NotificationDispatcher.FailureListener {

  public static final String KEY = "notificationFailure";

  /** Process variable: the notification's id. */
  public static final String NOTIFICATION_ID = "notificationId";
  /** Set on the task: RETRY or CANCEL. */
  public static final String OUTCOME = "failureOutcome";
  /** Set on the task: why it is cancelled (required for CANCEL, at most 500 characters). */
  public static final String CANCEL_REASON = "cancelReason";
  /** Set when the task completes: who decided. */
  public static final String RESOLVED_BY = "resolvedBy";

  public static final String TASK_RESOLVE = "Task_ResolveFailedNotification";

  /** What operations decide. */
  public enum Outcome { RETRY, CANCEL }

  private static final Logger log = LoggerFactory.getLogger(NotificationFailureProcess.class);

  private final ObjectProvider<RuntimeService> runtimeService;

  NotificationFailureProcess(ObjectProvider<RuntimeService> runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts the process for a FAILED notification, in the caller's transaction. */
  @Override
  public void failed(String notificationId) {
    String instanceId = runtimeService.getObject().createProcessInstanceByKey(KEY)
        .businessKey(notificationId)
        .setVariable(NOTIFICATION_ID, notificationId)
        .execute().getId();
    log.info("Notification {} FAILED: process {} {} started for operations", notificationId, KEY, instanceId);
  }
}
