package io.creditflow.notification;

import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel of {@code creditflow.notifications.delivery=log} (the embedded default) for SMS, e-mail and push: the
 * template was rendered and the customer looked up as for a real send, and one log line stands for the delivery:
 * type, channel, masked address, template and language; never the parameters or the text, which may hold amounts
 * and reasons. The notification is then SENT.
 */
public class LoggingNotificationSender implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

  @Override
  public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
    log.info("Notification {} {} via {} to {} (customer {}, template {}, {}) logged, not sent (delivery=log)",
        notification.getId(), notification.getType(), notification.getChannel(),
        recipient.masked(notification.getChannel()), recipient.customerId(), notification.getTemplateKey(),
        message.language());
  }
}
