package io.creditflow.notification;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox's beans, and Spring's scheduling for the dispatch runs ({@link ScheduledNotificationDispatch}).
 * A {@link NotificationSender} defined elsewhere replaces the logging one: make it a {@code @Component}, or mark a
 * {@code @Bean} {@code @Primary} (a bean method in another configuration class may be read after this one).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  @Bean
  @ConditionalOnMissingBean(NotificationSender.class)
  LoggingNotificationSender loggingNotificationSender() {
    return new LoggingNotificationSender();
  }

  @Bean
  NotificationDispatcher notificationDispatcher(NotificationRepository repository,
      PlatformTransactionManager transactionManager, NotificationSender sender, Clock clock,
      NotificationProperties properties) {
    return new NotificationDispatcher(repository, transactionManager, sender, clock, properties);
  }
}
