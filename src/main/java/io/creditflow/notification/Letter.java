package io.creditflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A letter rendered for the print shop ({@code cf_letter}), one per LETTER notification: its id is the notification
 * id. Holds the customer's name and the text; the postal address is added by the print shop from the customer record
 * (CreditFlow holds no postal address yet).
 */
@Entity
@Table(name = "cf_letter")
public class Letter {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "customer_id", nullable = false, length = 64, updatable = false)
  private String customerId;

  @Column(name = "subject_type", nullable = false, length = 64, updatable = false)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, length = 128, updatable = false)
  private String subjectId;

  @Column(name = "template_key", nullable = false, length = 128, updatable = false)
  private String templateKey;

  @Column(nullable = false, length = 16, updatable = false)
  private String language;

  @Column(name = "recipient_name", nullable = false, length = 200, updatable = false)
  private String recipientName;

  @Column(nullable = false, length = 500, updatable = false)
  private String title;

  @Column(nullable = false, length = 4000, updatable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LetterStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "printed_at")
  private Instant printedAt;

  @Column(name = "printed_by", length = 64)
  private String printedBy;

  @Version
  @Column(nullable = false)
  private Long version;

  protected Letter() {}

  Letter(Notification notification, String recipientName, String title, String body, String language,
      Instant createdAt) {
    this.id = notification.getId();
    this.customerId = notification.getRecipientRef();
    this.subjectType = notification.getSubjectType();
    this.subjectId = notification.getSubjectId();
    this.templateKey = notification.getTemplateKey();
    this.language = language;
    this.recipientName = recipientName;
    this.title = title;
    this.body = body;
    this.status = LetterStatus.TO_PRINT;
    this.createdAt = createdAt;
  }

  /** Marks it printed; false when it already was (the first print is kept). */
  boolean printed(String actor, Instant at) {
    if (status == LetterStatus.PRINTED) {
      return false;
    }
    status = LetterStatus.PRINTED;
    printedBy = actor;
    printedAt = at;
    return true;
  }

  /** The letter id, which is the id of its notification. */
  public String getId() { return id; }
  public String getCustomerId() { return customerId; }
  public String getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getTemplateKey() { return templateKey; }
  public String getLanguage() { return language; }
  public String getRecipientName() { return recipientName; }
  public String getTitle() { return title; }
  public String getBody() { return body; }
  public LetterStatus getStatus() { return status; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getPrintedAt() { return printedAt; }
  public String getPrintedBy() { return printedBy; }

  @Override
  public String toString() {
    return "Letter[" + id + ", customer " + customerId + ", " + templateKey + ", " + status + "]";
  }
}
