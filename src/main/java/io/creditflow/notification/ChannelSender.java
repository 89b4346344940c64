package io.creditflow.notification;

import io.creditflow.notification.NotificationTemplates.RenderedMessage;

/**
 * Delivers one rendered notification through one channel. Called by {@link RoutingNotificationSender}, which looked
 * the recipient up and rendered the template. Throws any runtime exception when delivery failed (retried by the
 * dispatcher); its message is stored and logged, so it must never contain an unmasked address or the message text.
 */
interface ChannelSender {

  void deliver(Notification notification, Recipient recipient, RenderedMessage message);
}
