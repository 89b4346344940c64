package io.creditflow.legal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One legal case: one run of {@code legalHandover} for a loan ({@code cf_legal_case}). While open,
 * {@code openLoanNumber} holds the loan number (unique: one open case per loan). Holds the state the process works
 * with (the review decision, the settlement offer and its acceptance, the lawsuit, the judgment, the write-off
 * proposal) and how it ended. Steps, costs and recoveries are in {@link LegalStep} and the ledger's payments.
 */
@Entity
@Table(name = "cf_legal_case")
public class LegalCase {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "open_loan_number", length = 14)
  private String openLoanNumber;

  @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
  private String processInstanceId;

  @Column(name = "collection_case_id", length = 64, updatable = false)
  private String collectionCaseId;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private LegalCaseStatus status;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private LegalOutcome outcome;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "balance_at_opening", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal balanceAtOpening;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_decision", length = 24)
  private LegalDecision lastDecision;

  @Column(name = "last_decision_reason", length = 500)
  private String lastDecisionReason;

  @Column(name = "settlement_amount", precision = 19, scale = 2)
  private BigDecimal settlementAmount;

  @Column(name = "settlement_deadline")
  private LocalDate settlementDeadline;

  @Column(name = "settlement_offered_at")
  private Instant settlementOfferedAt;

  @Column(name = "settlement_accepted_at")
  private Instant settlementAcceptedAt;

  @Column(name = "settlement_acceptance_ref", length = 64)
  private String settlementAcceptanceRef;

  @Column(length = 200)
  private String court;

  @Column(name = "court_case_number", length = 64)
  private String courtCaseNumber;

  @Column(name = "hearing_date")
  private LocalDate hearingDate;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private Judgment judgment;

  @Column(name = "awarded_amount", precision = 19, scale = 2)
  private BigDecimal awardedAmount;

  @Column(name = "judgment_at")
  private Instant judgmentAt;

  @Column(name = "write_off_proposed_by", length = 64)
  private String writeOffProposedBy;

  @Column(name = "write_off_approved_by", length = 64)
  private String writeOffApprovedBy;

  @Column(name = "forgiven_amount", precision = 19, scale = 2)
  private BigDecimal forgivenAmount;

  @Column(name = "written_off_amount", precision = 19, scale = 2)
  private BigDecimal writtenOffAmount;

  @Version
  private Long version;

  protected LegalCase() {}

  static LegalCase open(String loanNumber, String processInstanceId, String collectionCaseId, String customerId,
      String currency, BigDecimal balance, Instant now) {
    LegalCase c = new LegalCase();
    c.id = UUID.randomUUID().toString();
    c.loanNumber = Objects.requireNonNull(loanNumber);
    c.openLoanNumber = loanNumber;
    c.processInstanceId = Objects.requireNonNull(processInstanceId);
    c.collectionCaseId = collectionCaseId;
    c.customerId = Objects.requireNonNull(customerId);
    c.currency = Objects.requireNonNull(currency);
    c.balanceAtOpening = balance;
    c.status = LegalCaseStatus.IN_REVIEW;
    c.openedAt = seconds(now);
    return c;
  }

  static Instant seconds(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  void decided(LegalDecision decision, String reason) {
    lastDecision = decision;
    lastDecisionReason = reason;
    status = LegalCaseStatus.IN_REVIEW;
  }

  void offerSettlement(BigDecimal amount, LocalDate deadline, Instant at) {
    settlementAmount = amount;
    settlementDeadline = deadline;
    settlementOfferedAt = seconds(at);
    settlementAcceptedAt = null;
    settlementAcceptanceRef = null;
    status = LegalCaseStatus.SETTLEMENT_OFFERED;
  }

  void acceptSettlement(String reference, Instant at) {
    settlementAcceptedAt = seconds(at);
    settlementAcceptanceRef = reference;
    status = LegalCaseStatus.SETTLEMENT_ACCEPTED;
  }

  void settlementLapsed() {
    status = LegalCaseStatus.IN_REVIEW;
  }

  void filed(String court, String caseNumber, LocalDate hearing) {
    this.court = court;
    this.courtCaseNumber = caseNumber;
    this.hearingDate = hearing;
    status = LegalCaseStatus.LAWSUIT_FILED;
  }

  void judged(Judgment judgment, BigDecimal awarded, Instant at) {
    this.judgment = judgment;
    this.awardedAmount = awarded;
    this.judgmentAt = seconds(at);
    status = judgment == Judgment.LOST ? LegalCaseStatus.JUDGMENT : LegalCaseStatus.ENFORCEMENT;
  }

  void proposeWriteOff(String proposer) {
    writeOffProposedBy = proposer;
    status = LegalCaseStatus.WRITE_OFF_PROPOSED;
  }

  void writeOffRejected() {
    writeOffProposedBy = null;
    status = LegalCaseStatus.IN_REVIEW;
  }

  void writeOffApprovedBy(String approver) {
    writeOffApprovedBy = approver;
  }

  void close(LegalOutcome outcome, Instant at) {
    if (closedAt == null) {
      this.outcome = outcome;
      closedAt = seconds(at);
      openLoanNumber = null;
      status = LegalCaseStatus.CLOSED;
    }
  }

  void forgiven(BigDecimal amount) {
    forgivenAmount = amount;
  }

  void writtenOff(BigDecimal amount) {
    writtenOffAmount = amount;
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getCollectionCaseId() { return collectionCaseId; }
  public String getCustomerId() { return customerId; }
  public String getCurrency() { return currency; }
  public LegalCaseStatus getStatus() { return status; }
  public LegalOutcome getOutcome() { return outcome; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getClosedAt() { return closedAt; }
  public BigDecimal getBalanceAtOpening() { return balanceAtOpening; }
  public LegalDecision getLastDecision() { return lastDecision; }
  public String getLastDecisionReason() { return lastDecisionReason; }
  public BigDecimal getSettlementAmount() { return settlementAmount; }
  public LocalDate getSettlementDeadline() { return settlementDeadline; }
  public Instant getSettlementOfferedAt() { return settlementOfferedAt; }
  public Instant getSettlementAcceptedAt() { return settlementAcceptedAt; }
  public String getSettlementAcceptanceRef() { return settlementAcceptanceRef; }
  public String getCourt() { return court; }
  public String getCourtCaseNumber() { return courtCaseNumber; }
  public LocalDate getHearingDate() { return hearingDate; }
  public Judgment getJudgment() { return judgment; }
  public BigDecimal getAwardedAmount() { return awardedAmount; }
  public Instant getJudgmentAt() { return judgmentAt; }
  public String getWriteOffProposedBy() { return writeOffProposedBy; }
  public String getWriteOffApprovedBy() { return writeOffApprovedBy; }
  public BigDecimal getForgivenAmount() { return forgivenAmount; }
  public BigDecimal getWrittenOffAmount() { return writtenOffAmount; }
  public Long getVersion() { return version; }
}
