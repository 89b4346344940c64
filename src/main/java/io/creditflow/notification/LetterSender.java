package io.creditflow.notification;

import io.creditflow.notification.NotificationTemplates.RenderedMessage;

/**
 * The LETTER channel, in both delivery modes: the rendered letter is stored ({@code cf_letter}) for the print shop,
 * which lists it with {@code GET /api/letters} and marks it printed. "Sent" means "queued for printing".
 */
class LetterSender implements ChannelSender {

  private final LetterService letters;

  LetterSender(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
    letters.store(notification, recipient, message);
  }
}
