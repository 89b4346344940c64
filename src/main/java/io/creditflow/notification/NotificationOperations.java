package io.creditflow.notification;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of and do with a notification: the masked recipient, the summary on the {@code notificationFailure}
 * task, and its outcomes (send again, cancel with a reason), each recorded in the audit trail.
 */
@Service
public class NotificationOperations {

  static final int MAX_CANCEL_REASON = 500;

  private final NotificationService notifications;
  private final CustomerRepository customers;
  private final AuditTrail auditTrail;
  private final Clock clock;

  NotificationOperations(NotificationService notifications, CustomerRepository customers, AuditTrail auditTrail,
      Clock clock) {
    this.notifications = notifications;
    this.customers = customers;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** The address the notification goes to, masked (mobile or e-mail), or the customer for push and letters. */
  @Transactional(readOnly = true)
  public String maskedRecipient(Notification notification) {
    Optional<Customer> customer = customers.findById(notification.getRecipientRef());
    if (customer.isEmpty()) {
      return "unknown customer " + notification.getRecipientRef();
    }
    Customer found = customer.get();
    return new Recipient(found.getId(), found.getFullName(), found.getMobile(), found.getEmail())
        .masked(notification.getChannel());
  }

  /** What the failure task shows, as task-local variables: references, masked address, attempts, last error. */
  @Transactional(readOnly = true)
  public Map<String, Object> failureSummary(String notificationId) {
    Notification notification = get(notificationId);
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("notificationType", notification.getType());
    shown.put("notificationChannel", notification.getChannel().name());
    shown.put("templateKey", notification.getTemplateKey());
    shown.put("notificationLanguage", notification.getLanguage());
    shown.put("notificationSubject", notification.getSubjectType() + " " + notification.getSubjectId());
    shown.put("recipient", maskedRecipient(notification));
    shown.put("attempts", notification.getAttempts());
    shown.put("lastError", notification.getLastError() == null ? "" : notification.getLastError());
    shown.put("queuedAt", OffsetDateTime.ofInstant(notification.getCreatedAt(), clock.getZone()).toString());
    return shown;
  }

  /** RETRY: back to PENDING, due now, attempts reset. Repeating it (a retried step) changes nothing. */
  @Transactional
  public void retry(String notificationId, String actor) {
    get(notificationId);
    if (notifications.retry(notificationId)) {
      auditTrail.record(actor, "NOTIFICATION_RETRIED", "notification", notificationId, "sent again after it failed");
    }
  }

  /** CANCEL: the notification is not sent; the reason is stored with it. Repeating it changes nothing. */
  @Transactional
  public void cancel(String notificationId, String reason, String actor) {
    get(notificationId);
    if (notifications.cancel(notificationId, reason)) {
      auditTrail.record(actor, "NOTIFICATION_CANCELLED", "notification", notificationId, reason);
    }
  }

  private Notification get(String notificationId) {
    return notifications.find(notificationId)
        .orElseThrow(() -> new IllegalStateException("No notification " + notificationId));
  }
}
