package io.creditflow.complaint;

import io.creditflow.common.crypto.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A customer's complaint: what it is about (the description is the customer's own text, stored encrypted and never
 * logged), triage, deadlines, resolution, remedy and feedback. Timestamps are whole seconds.
 */
@Entity
@Table(name = "cf_complaint")
public class Complaint {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "external_reference", length = 64, updatable = false)
  private String externalReference;

  @Column(name = "request_hash", length = 64, updatable = false)
  private String requestHash;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(name = "loan_number", length = 14, updatable = false)
  private String loanNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private ComplaintChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private ComplaintCategory category;

  /** GIVEN (by the intake) or KEYWORDS (guessed). */
  @Column(name = "category_source", length = 16)
  private String categorySource;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8, updatable = false)
  private ComplaintSeverity severity;

  @Column(name = "disputes_debt", nullable = false, updatable = false)
  private boolean disputesDebt;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false, length = 5600, updatable = false)
  private String description;

  @Column(name = "preferred_language", nullable = false, length = 16, updatable = false)
  private String preferredLanguage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 4, updatable = false)
  private Jurisdiction jurisdiction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private ComplaintStatus status;

  @Column(name = "handling_group", length = 64)
  private String handlingGroup;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "registered_by", nullable = false, length = 64, updatable = false)
  private String registeredBy;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "acknowledge_by") private Instant acknowledgeBy;
  @Column(name = "acknowledged_at") private Instant acknowledgedAt;
  @Column(name = "summary_by") private Instant summaryBy;
  @Column(name = "in_progress_by") private Instant inProgressBy;
  @Column(name = "in_progress_sent_at") private Instant inProgressSentAt;
  @Column(name = "due_by") private Instant dueBy;
  @Column(nullable = false) private boolean extended;
  @Column(name = "collection_hold", nullable = false) private boolean collectionHold;
  @Column(name = "reminded_at") private Instant remindedAt;
  @Column(name = "escalated_at") private Instant escalatedAt;
  @Column(name = "breached_at") private Instant breachedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private ComplaintOutcome outcome;

  /** Comma-separated {@link ComplaintRemedy} names. */
  @Column(length = 200)
  private String remedies;

  @Column(name = "refund_amount", precision = 19, scale = 2)
  private BigDecimal refundAmount;

  @Column(name = "resolution_note", length = 2000)
  private String resolutionNote;

  @Column(name = "resolved_by", length = 64) private String resolvedBy;
  @Column(name = "resolved_at") private Instant resolvedAt;
  @Column(name = "summary_resolution", nullable = false) private boolean summaryResolution;
  @Column(name = "bureau_record_id", length = 36) private String bureauRecordId;
  @Column(name = "responded_at") private Instant respondedAt;
  @Column(name = "feedback_until") private Instant feedbackUntil;
  @Column(name = "feedback_satisfied") private Boolean feedbackSatisfied;
  @Column(name = "feedback_comment", length = 1000) private String feedbackComment;
  @Column(name = "feedback_at") private Instant feedbackAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "second_level_outcome", length = 24)
  private ComplaintOutcome secondLevelOutcome;

  @Column(name = "second_level_by", length = 64) private String secondLevelBy;
  @Column(name = "second_level_at") private Instant secondLevelAt;
  @Column(name = "closed_at") private Instant closedAt;
  @Column(name = "close_reason", length = 32) private String closeReason;

  @Version
  private Long version;

  protected Complaint() {}

  static Complaint receive(String externalReference, String requestHash, String customerId, String loanNumber,
      ComplaintChannel channel, ComplaintCategory category, ComplaintSeverity severity, boolean disputesDebt,
      String description,
      String preferredLanguage, Jurisdiction jurisdiction, String registeredBy, Instant now) {
    Complaint c = new Complaint();
    c.id = UUID.randomUUID().toString();
    c.externalReference = externalReference;
    c.requestHash = requestHash;
    c.customerId = Objects.requireNonNull(customerId);
    c.loanNumber = loanNumber;
    c.channel = Objects.requireNonNull(channel);
    c.category = category;
    c.categorySource = category == null ? null : "GIVEN";
    c.severity = severity == null ? ComplaintSeverity.MEDIUM : severity;
    c.disputesDebt = disputesDebt;
    c.description = Objects.requireNonNull(description);
    c.preferredLanguage = Objects.requireNonNull(preferredLanguage);
    c.jurisdiction = Objects.requireNonNull(jurisdiction);
    c.status = ComplaintStatus.RECEIVED;
    c.registeredBy = Objects.requireNonNull(registeredBy);
    c.receivedAt = seconds(now);
    return c;
  }

  void started(String processInstanceId) { this.processInstanceId = processInstanceId; }

  void triaged(ComplaintCategory category, boolean guessed, String handlingGroup, boolean collectionHold) {
    if (this.category == null) {
      this.category = category;
      this.categorySource = guessed ? "KEYWORDS" : "GIVEN";
    }
    this.handlingGroup = handlingGroup;
    this.collectionHold = collectionHold;
    this.status = ComplaintStatus.INVESTIGATING;
  }

  void deadlines(ComplaintDeadlines.Deadlines d) {
    this.acknowledgeBy = d.acknowledgeBy();
    this.summaryBy = d.summaryBy();
    this.inProgressBy = d.inProgressBy();
    this.dueBy = d.dueBy();
  }

  void acknowledged(Instant now) { if (acknowledgedAt == null) { acknowledgedAt = seconds(now); } }
  void reminded(Instant now) { remindedAt = seconds(now); }
  void escalated(Instant now) { escalatedAt = seconds(now); }

  /** True the first time: a breach of the current deadline is counted once. */
  boolean breached(Instant now) {
    if (breachedAt != null && !breachedAt.isBefore(dueBy)) {
      return false;
    }
    breachedAt = seconds(now);
    return true;
  }

  void inProgressSent(Instant now) { if (inProgressSentAt == null) { inProgressSentAt = seconds(now); } }
  void extensionRequested() { status = ComplaintStatus.EXTENSION_REQUESTED; }
  void extensionDecided(boolean approved) {
    extended = extended || approved;
    status = ComplaintStatus.INVESTIGATING;
  }

  void resolved(ComplaintOutcome outcome, Set<ComplaintRemedy> remedies, BigDecimal refundAmount, String note,
      boolean summary, String user, Instant now) {
    this.outcome = outcome;
    this.remedies = join(remedies);
    this.refundAmount = refundAmount;
    this.resolutionNote = note;
    this.summaryResolution = summary;
    this.resolvedBy = user;
    this.resolvedAt = seconds(now);
  }

  void secondLevel(ComplaintOutcome outcome, Set<ComplaintRemedy> remedies, BigDecimal refundAmount, String note,
      String user, Instant now) {
    this.secondLevelOutcome = outcome;
    this.remedies = join(remedies);
    this.refundAmount = refundAmount;
    this.resolutionNote = note;
    this.secondLevelBy = user;
    this.secondLevelAt = seconds(now);
  }

  void bureauCorrected(String recordId) { this.bureauRecordId = recordId; }

  void responded(Instant now, Instant feedbackUntil) {
    this.respondedAt = seconds(now);
    this.feedbackUntil = feedbackUntil == null ? null : seconds(feedbackUntil);
    this.status = ComplaintStatus.RESPONDED;
  }

  void feedback(boolean satisfied, String comment, Instant now) {
    this.feedbackSatisfied = satisfied;
    this.feedbackComment = comment;
    this.feedbackAt = seconds(now);
    this.status = satisfied ? ComplaintStatus.RESPONDED : ComplaintStatus.SECOND_LEVEL_REVIEW;
  }

  void closed(String reason, Instant now) {
    this.status = ComplaintStatus.CLOSED;
    this.closeReason = reason;
    this.closedAt = seconds(now);
  }

  /** The final outcome: the second level's when there was one. */
  public ComplaintOutcome finalOutcome() { return secondLevelOutcome != null ? secondLevelOutcome : outcome; }

  public Set<ComplaintRemedy> remedySet() {
    if (remedies == null || remedies.isBlank()) {
      return EnumSet.noneOf(ComplaintRemedy.class);
    }
    return Arrays.stream(remedies.split(",")).map(ComplaintRemedy::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ComplaintRemedy.class)));
  }

  /** Whether the first response went out by the deadline in force. */
  public Boolean respondedInTime() {
    return respondedAt == null || dueBy == null ? null : !respondedAt.isAfter(dueBy);
  }

  private static String join(Set<ComplaintRemedy> remedies) {
    return remedies == null || remedies.isEmpty() ? null
        : remedies.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getId() { return id; }
  public String getExternalReference() { return externalReference; }
  public String getRequestHash() { return requestHash; }
  public String getCustomerId() { return customerId; }
  public String getLoanNumber() { return loanNumber; }
  public ComplaintChannel getChannel() { return channel; }
  public ComplaintCategory getCategory() { return category; }
  public String getCategorySource() { return categorySource; }
  public ComplaintSeverity getSeverity() { return severity; }
  public boolean isDisputesDebt() { return disputesDebt; }
  public String getDescription() { return description; }
  public String getPreferredLanguage() { return preferredLanguage; }
  public Jurisdiction getJurisdiction() { return jurisdiction; }
  public ComplaintStatus getStatus() { return status; }
  public String getHandlingGroup() { return handlingGroup; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getRegisteredBy() { return registeredBy; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getAcknowledgeBy() { return acknowledgeBy; }
  public Instant getAcknowledgedAt() { return acknowledgedAt; }
  public Instant getSummaryBy() { return summaryBy; }
  public Instant getInProgressBy() { return inProgressBy; }
  public Instant getInProgressSentAt() { return inProgressSentAt; }
  public Instant getDueBy() { return dueBy; }
  public boolean isExtended() { return extended; }
  public boolean isCollectionHold() { return collectionHold; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getEscalatedAt() { return escalatedAt; }
  public Instant getBreachedAt() { return breachedAt; }
  public ComplaintOutcome getOutcome() { return outcome; }
  public BigDecimal getRefundAmount() { return refundAmount; }
  public String getResolutionNote() { return resolutionNote; }
  public String getResolvedBy() { return resolvedBy; }
  public Instant getResolvedAt() { return resolvedAt; }
  public boolean isSummaryResolution() { return summaryResolution; }
  public String getBureauRecordId() { return bureauRecordId; }
  public Instant getRespondedAt() { return respondedAt; }
  public Instant getFeedbackUntil() { return feedbackUntil; }
  public Boolean getFeedbackSatisfied() { return feedbackSatisfied; }
  public String getFeedbackComment() { return feedbackComment; }
  public Instant getFeedbackAt() { return feedbackAt; }
  public ComplaintOutcome getSecondLevelOutcome() { return secondLevelOutcome; }
  public String getSecondLevelBy() { return secondLevelBy; }
  public Instant getSecondLevelAt() { return secondLevelAt; }
  public Instant getClosedAt() { return closedAt; }
  public String getCloseReason() { return closeReason; }
  public Long getVersion() { return version; }
}
