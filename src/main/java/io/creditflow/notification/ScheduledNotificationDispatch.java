package io.creditflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link NotificationDispatcher} every {@code creditflow.notifications.dispatch-interval} (after the
 * previous run ended). Absent when {@code creditflow.notifications.dispatcher-enabled=false}, e.g. in tests that
 * drive the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "creditflow.notifications.dispatcher-enabled", havingValue = "true",
    matchIfMissing = true)
class ScheduledNotificationDispatch {

  private static final Logger log = LoggerFactory.getLogger(ScheduledNotificationDispatch.class);

  private final NotificationDispatcher dispatcher;

  ScheduledNotificationDispatch(NotificationDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${creditflow.notifications.dispatch-interval:PT10S}",
      initialDelayString = "${creditflow.notifications.dispatch-interval:PT10S}")
  void dispatchDue() {
    try {
      int sent = dispatcher.dispatchDue();
      if (sent > 0) {
        log.debug("Dispatched {} notifications", sent);
      }
    } catch (RuntimeException e) {
      // the database may be away for a moment; the next run tries again
      log.error("Notification dispatch run failed", e);
    }
  }
}
