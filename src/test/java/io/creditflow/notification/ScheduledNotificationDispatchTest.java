package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The schedule: on by default, off by property, and a failed run does not end the schedule. */
class ScheduledNotificationDispatchTest {

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  static class Scheduling {}

  private final NotificationDispatcher dispatcher = mock(NotificationDispatcher.class);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(NotificationDispatcher.class, () -> dispatcher)
      .withUserConfiguration(Scheduling.class, ScheduledNotificationDispatch.class);

  @Test
  void runsEveryIntervalAndSurvivesAFailedRun() {
    when(dispatcher.dispatchDue()).thenThrow(new IllegalStateException("database away")).thenReturn(0);

    runner.withPropertyValues("creditflow.notifications.dispatch-interval=50ms").run(context -> {
      assertThat(context).hasSingleBean(ScheduledNotificationDispatch.class);
      verify(dispatcher, timeout(5_000).atLeast(3)).dispatchDue();
    });
  }

  @Test
  void absentWhenSwitchedOff() {
    runner.withPropertyValues("creditflow.notifications.dispatcher-enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ScheduledNotificationDispatch.class));
  }
}
