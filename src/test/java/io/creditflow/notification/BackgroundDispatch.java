package io.creditflow.notification;

import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Stops the scheduled dispatch runs in a shared test context, so that tests which drive their own dispatcher are not
 * raced by it. Does nothing when the test profile switches them off
 * ({@code creditflow.notifications.dispatcher-enabled: false}).
 */
final class BackgroundDispatch {

  private BackgroundDispatch() {}

  static void stop(ApplicationContext context) {
    context.getBeanProvider(ScheduledTaskHolder.class).stream()
        .flatMap(holder -> holder.getScheduledTasks().stream())
        .filter(task -> task.toString().contains(ScheduledNotificationDispatch.class.getSimpleName()))
        .forEach(ScheduledTask::cancel);
  }
}
