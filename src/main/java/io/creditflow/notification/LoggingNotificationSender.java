package io.creditflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender until real channels exist: writes one log line per notification, with references only (never
 * the parameters, which may hold amounts and reasons).
 */
public class LoggingNotificationSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

  @Override
  public void send(Notification notification) {
    log.info("Notification {} {} via {} to customer {} (template {}, {})", notification.getId(),
        notification.getType(), notification.getChannel(), notification.getRecipientRef(),
        notification.getTemplateKey(), notification.getLanguage());
  }
}
