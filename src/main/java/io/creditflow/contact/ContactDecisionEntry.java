package io.creditflow.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One decision of the contact policy in the contact history ({@code cf_contact_decision}); never changed. */
@Entity
@Table(name = "cf_contact_decision")
public class ContactDecisionEntry {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private ContactChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private ContactParty party;

  @Column(nullable = false, length = 128, updatable = false)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private PurposeCategory category;

  /** Whether it counts towards the frequency caps when allowed. */
  @Column(nullable = false, updatable = false)
  private boolean capped;

  @Column(name = "contact_at", nullable = false, updatable = false)
  private Instant contactAt;

  @Column(nullable = false, updatable = false)
  private boolean allowed;

  @Column(nullable = false, length = 32, updatable = false)
  private String reason;

  @Column(name = "not_before", updatable = false)
  private Instant notBefore;

  @Column(name = "notification_id", length = 36, updatable = false)
  private String notificationId;

  @Column(name = "phone_ref", length = 32, updatable = false)
  private String phoneRef;

  @Column(nullable = false, length = 32, updatable = false)
  private String jurisdiction;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Version
  private Long version;

  protected ContactDecisionEntry() {}

  ContactDecisionEntry(String loanNumber, String customerId, ContactRequest request, PurposeCategory category,
      boolean capped, Instant contactAt, boolean allowed, String reason, Instant notBefore, String notificationId,
      String phoneRef, String jurisdiction, Instant recordedAt) {
    this.id = UUID.randomUUID().toString();
    this.loanNumber = loanNumber;
    this.customerId = customerId;
    this.channel = request.channel();
    this.party = request.party();
    this.purpose = request.purpose();
    this.category = category;
    this.capped = capped;
    this.contactAt = contactAt;
    this.allowed = allowed;
    this.reason = reason;
    this.notBefore = notBefore;
    this.notificationId = notificationId;
    this.phoneRef = phoneRef;
    this.jurisdiction = jurisdiction;
    this.recordedAt = recordedAt;
  }

  ContactDecision toDecision() {
    return new ContactDecision(id, allowed, notBefore, reason);
  }

  /** What the daily caps count: one per notification (a deferred and later allowed one counts once). */
  String capKey() {
    return "notification:" + notificationId;
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getCustomerId() { return customerId; }
  public ContactChannel getChannel() { return channel; }
  public ContactParty getParty() { return party; }
  public String getPurpose() { return purpose; }
  public PurposeCategory getCategory() { return category; }
  public boolean isCapped() { return capped; }
  public Instant getContactAt() { return contactAt; }
  public boolean isAllowed() { return allowed; }
  public String getReason() { return reason; }
  public Instant getNotBefore() { return notBefore; }
  public String getNotificationId() { return notificationId; }
  public String getPhoneRef() { return phoneRef; }
  public String getJurisdiction() { return jurisdiction; }
  public Instant getRecordedAt() { return recordedAt; }
}
