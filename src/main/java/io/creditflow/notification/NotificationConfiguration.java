package io.creditflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox's beans, and Spring's scheduling for the dispatch runs ({@link ScheduledNotificationDispatch}).
 *
 * <p>The sender is a {@link RoutingNotificationSender} with one {@link ChannelSender} per channel, chosen by
 * {@code creditflow.notifications.delivery}:
 * <ul>
 *   <li>{@code log} (embedded default): SMS, EMAIL and APP_PUSH are logged with masked addresses
 *       ({@link LoggingNotificationSender}); LETTER is stored for printing;</li>
 *   <li>{@code live}: SMS through the HTTP gateway ({@code creditflow.notifications.sms.*}), EMAIL over SMTP
 *       ({@code spring.mail.*}), APP_PUSH through the push gateway ({@code creditflow.notifications.push.*}) or, when
 *       none is configured, by SMS; LETTER stored for printing.</li>
 * </ul>
 * A {@link NotificationSender} defined elsewhere replaces the routing one: make it a {@code @Component}, or mark a
 * {@code @Bean} {@code @Primary} (a bean method in another configuration class may be read after this one).
 *
 * <p>The dispatcher asks every {@link NotificationGate} bean, in their order, before each send.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(NotificationSender.class)
  RoutingNotificationSender routingNotificationSender(NotificationChannelProperties settings,
      CustomerService customers, NotificationTemplates templates, ObjectMapper objectMapper, LetterService letters,
      ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String mailHost) {
    Map<NotificationChannel, ChannelSender> channels = new EnumMap<>(NotificationChannel.class);
    channels.put(NotificationChannel.LETTER, new LetterSender(letters));
    switch (settings.delivery()) {
      case LOG -> {
        LoggingNotificationSender logging = new LoggingNotificationSender();
        channels.put(NotificationChannel.SMS, logging);
        channels.put(NotificationChannel.EMAIL, logging);
        channels.put(NotificationChannel.APP_PUSH, logging);
        log.warn("Notifications: delivery=log - SMS, e-mail and push are written to the log (masked) and count as "
            + "sent; letters are stored for printing. Set creditflow.notifications.delivery=live to send them.");
      }
      case LIVE -> {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null || mailHost.isBlank()) {
          throw new IllegalStateException("creditflow.notifications.delivery=live needs an SMTP server: set "
              + "spring.mail.host (CREDITFLOW_SMTP_HOST in profile mysql).");
        }
        HttpGatewaySender sms = new HttpGatewaySender(HttpGatewaySender.Kind.SMS, settings.sms());
        channels.put(NotificationChannel.SMS, sms);
        channels.put(NotificationChannel.EMAIL, new EmailSender(mail, settings.email().from()));
        channels.put(NotificationChannel.APP_PUSH, settings.push().configured()
            ? new HttpGatewaySender(HttpGatewaySender.Kind.PUSH, settings.push()) : sms);
        log.info("Notifications: delivery=live - SMS gateway {}, push {}, e-mail over SMTP from {}",
            settings.sms().url(), settings.push().configured() ? "gateway " + settings.push().url() : "by SMS",
            settings.email().from());
      }
    }
    return new RoutingNotificationSender(channels, customers, templates, objectMapper);
  }

  @Bean
  NotificationDispatcher notificationDispatcher(NotificationRepository repository,
      PlatformTransactionManager transactionManager, NotificationSender sender, Clock clock,
      NotificationProperties properties, ObjectProvider<NotificationGate> gates,
      NotificationFailureProcess failureProcess, ObjectProvider<MeterRegistry> meters) {
    return new NotificationDispatcher(repository, transactionManager, sender, clock, properties,
        gates.orderedStream().toList(), failureProcess, meters.getIfAvailable(SimpleMeterRegistry::new));
  }
}
