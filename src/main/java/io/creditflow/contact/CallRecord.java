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

/** A call attempt or field visit that happened ({@code cf_contact_call}), one per allowing decision. */
@Entity
@Table(name = "cf_contact_call")
public class CallRecord {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "decision_id", nullable = false, length = 36, updatable = false)
  private String decisionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private ContactChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private CallOutcome outcome;

  @Column(nullable = false, updatable = false)
  private boolean conversation;

  @Column(name = "phone_ref", nullable = false, length = 32, updatable = false)
  private String phoneRef;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(name = "called_at", nullable = false, updatable = false)
  private Instant calledAt;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Version
  private Long version;

  protected CallRecord() {}

  CallRecord(String loanNumber, String decisionId, ContactChannel channel, CallOutcome outcome, String phoneRef,
      String actor, Instant calledAt, Instant recordedAt) {
    this.id = UUID.randomUUID().toString();
    this.loanNumber = loanNumber;
    this.decisionId = decisionId;
    this.channel = channel;
    this.outcome = outcome;
    this.conversation = outcome.isConversation();
    this.phoneRef = phoneRef;
    this.actor = actor;
    this.calledAt = calledAt;
    this.recordedAt = recordedAt;
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getDecisionId() { return decisionId; }
  public ContactChannel getChannel() { return channel; }
  public CallOutcome getOutcome() { return outcome; }
  public boolean isConversation() { return conversation; }
  public String getPhoneRef() { return phoneRef; }
  public String getActor() { return actor; }
  public Instant getCalledAt() { return calledAt; }
  public Instant getRecordedAt() { return recordedAt; }
}
