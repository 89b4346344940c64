package io.creditflow.notification;

/**
 * Delivers one notification (SMS gateway, e-mail, push, print shop). Looks the address up from
 * {@link Notification#getRecipientRef()} itself; the outbox never holds it.
 *
 * <p>Throws any runtime exception when delivery failed; the dispatcher then retries with back-off. The exception's
 * class and message are stored ({@code lastError}) and logged, so they must not contain addresses or other personal
 * data. Must return or fail well within {@code creditflow.notifications.claim-timeout}.
 */
public interface NotificationSender {

  void send(Notification notification);
}
