package io.creditflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to a customer in the outbox ({@code cf_notification}). Holds references only: the recipient is a
 * customer id, the subject an application or loan id; the address is looked up when sending. State changes go
 * through {@link NotificationService} and {@link NotificationDispatcher}; several nodes may update a row, hence the
 * version.
 */
@Entity
@Table(name = "cf_notification")
public class Notification {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "idempotency_key", nullable = false, length = 200, updatable = false)
  private String idempotencyKey;

  @Column(nullable = false, length = 48, updatable = false)
  private String type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private NotificationChannel channel;

  @Column(name = "recipient_ref", nullable = false, length = 64, updatable = false)
  private String recipientRef;

  @Column(name = "subject_type", nullable = false, length = 64, updatable = false)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, length = 128, updatable = false)
  private String subjectId;

  @Column(name = "template_key", nullable = false, length = 128, updatable = false)
  private String templateKey;

  @Column(nullable = false, length = 4000, updatable = false)
  private String parameters;

  @Column(nullable = false, length = 16, updatable = false)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "policy_reason", length = 64)
  private String policyReason;

  @Column(name = "cancel_reason", length = 500)
  private String cancelReason;

  @Version
  @Column(nullable = false)
  private Long version;

  protected Notification() {}

  Notification(NotificationRequest request, String parametersJson, Instant createdAt, Instant notBefore) {
    this.id = UUID.randomUUID().toString();
    this.idempotencyKey = request.idempotencyKey();
    this.type = request.type();
    this.channel = request.channel();
    this.recipientRef = request.recipientRef();
    this.subjectType = request.subjectType();
    this.subjectId = request.subjectId();
    this.templateKey = request.templateKey();
    this.parameters = parametersJson;
    this.language = request.language();
    this.status = NotificationStatus.PENDING;
    this.attempts = 0;
    this.createdAt = createdAt;
    this.notBefore = notBefore;
  }

  /** Withdraws a notification not sent yet (PENDING, DEFERRED or FAILED); false when it is in another state. */
  boolean cancel(String reason) {
    if (status != NotificationStatus.PENDING && status != NotificationStatus.DEFERRED
        && status != NotificationStatus.FAILED) {
      return false;
    }
    status = NotificationStatus.CANCELLED;
    cancelReason = reason;
    return true;
  }

  /** A FAILED notification goes back to PENDING, due at {@code now}, with a fresh count of attempts. */
  boolean retry(Instant now) {
    if (status != NotificationStatus.FAILED) {
      return false;
    }
    status = NotificationStatus.PENDING;
    attempts = 0;
    notBefore = now;
    return true;
  }

  /** Mirrors a successful claim in this detached copy, so the sender sees the attempt it is making. */
  void claimed(Instant leaseUntil) {
    attempts++;
    version++;
    notBefore = leaseUntil;
  }

  /** Whether this is the same message to the same recipient about the same subject. */
  boolean sameTarget(NotificationRequest request) {
    return type.equals(request.type()) && channel == request.channel() && recipientRef.equals(request.recipientRef())
        && subjectType.equals(request.subjectType()) && subjectId.equals(request.subjectId())
        && templateKey.equals(request.templateKey());
  }

  public String getId() { return id; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public String getType() { return type; }
  public NotificationChannel getChannel() { return channel; }
  public String getRecipientRef() { return recipientRef; }
  public String getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getTemplateKey() { return templateKey; }
  /** The template values as a JSON object, keys sorted. */
  public String getParameters() { return parameters; }
  public String getLanguage() { return language; }
  public NotificationStatus getStatus() { return status; }
  public int getAttempts() { return attempts; }
  public Instant getNotBefore() { return notBefore; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
  public String getLastError() { return lastError; }
  /**
   * The reason a {@link NotificationGate} gave when it last deferred this notification (e.g. {@code QUIET_HOURS});
   * null when no gate ever deferred it. Kept after the notification is sent, as part of its history.
   */
  public String getPolicyReason() { return policyReason; }
  /** Why staff cancelled it; null unless cancelled with a reason. */
  public String getCancelReason() { return cancelReason; }
  public Long getVersion() { return version; }

  @Override
  public String toString() {
    // references only: parameters stay out of logs
    return "Notification[" + id + ", " + type + ", " + channel + ", recipient " + recipientRef + ", " + status
        + ", attempts " + attempts + "]";
  }
}
