package io.creditflow.notification;

import io.creditflow.common.crypto.Masking;
import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP with Spring Mail ({@code spring.mail.*}; {@code creditflow.notifications.delivery=live}): a
 * plain-text UTF-8 message from {@code creditflow.notifications.email.from} to the customer's e-mail address, with the
 * template's subject and body, and the header {@code X-CreditFlow-Notification: <notification id>}. A refused or
 * unreachable server is a failed attempt; the error's text has the address masked and the cause is not chained (mail
 * exceptions quote addresses).
 */
class EmailSender implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
  static final String NOTIFICATION_HEADER = "X-CreditFlow-Notification";

  private final JavaMailSender mailSender;
  private final String from;

  EmailSender(JavaMailSender mailSender, String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  @Override
  public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
    String to = recipient.address(NotificationChannel.EMAIL);
    try {
      MimeMessage mime = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(message.subject());
      helper.setText(message.body(), false);
      mime.setHeader(NOTIFICATION_HEADER, notification.getId());
      mailSender.send(mime);
    } catch (MailException | MessagingException e) {
      throw new IllegalStateException("Mail server refused or could not be reached: " + e.getClass().getSimpleName()
          + masked(e.getMessage(), to));
    }
    log.info("Notification {} {} via EMAIL handed to the mail server for {}", notification.getId(),
        notification.getType(), Masking.email(to));
  }

  private static String masked(String text, String address) {
    if (text == null) {
      return "";
    }
    String firstLine = text.lines().findFirst().orElse("");
    String safe = firstLine.replace(address, Masking.email(address));
    return " (" + (safe.length() > 300 ? safe.substring(0, 300) : safe) + ")";
  }
}
