package io.creditflow.origination;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A loan application from submission to disbursement or closure: what was asked, what the bureau and the scorecard
 * said, what people decided and what was offered. The process drives it; every change is a named transition.
 * Personal data lives on the {@code Customer} (encrypted); the application holds the customer's id.
 */
@Entity
@Table(name = "cf_loan_application")
public class LoanApplication extends AssignedIdEntity {

  @Column(name = "external_reference", nullable = false, updatable = false)
  private String externalReference;

  @Column(name = "request_fingerprint", nullable = false, updatable = false)
  private String requestFingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Channel channel;

  @Column(name = "campaign_code", updatable = false)
  private String campaignCode;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private String customerId;

  @Column(name = "monthly_income", nullable = false, updatable = false)
  private BigDecimal monthlyIncome;

  @Column(name = "employment_months", nullable = false, updatable = false)
  private int employmentMonths;

  @Column(name = "monthly_debt_payments", nullable = false, updatable = false)
  private BigDecimal monthlyDebtPayments;

  @Column(nullable = false, updatable = false)
  private int dependants;

  @Column(name = "age_at_application", nullable = false, updatable = false)
  private int ageAtApplication;

  @Column(name = "requested_amount", nullable = false, updatable = false)
  private BigDecimal requestedAmount;

  @Column(name = "term_months", nullable = false, updatable = false)
  private int termMonths;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private LoanPurpose purpose;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApplicationStatus status;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "bureau_reference")
  private String bureauReference;

  @Column(name = "bureau_report")
  private String bureauReport;

  @Column(name = "debt_to_income")
  private BigDecimal debtToIncome;

  private Integer score;

  @Column(name = "max_score")
  private Integer maxScore;

  @Column(name = "risk_grade")
  private String riskGrade;

  @Enumerated(EnumType.STRING)
  private DecisionOutcome outcome;

  @Convert(converter = JsonColumn.ReasonCodes.class)
  private List<ReasonCode> reasons = new ArrayList<>();

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "suggested_limit")
  private BigDecimal suggestedLimit;

  @Column(name = "max_term_months")
  private Integer maxTermMonths;

  @Column(name = "annual_rate")
  private BigDecimal annualRate;

  @Column(name = "min_annual_rate")
  private BigDecimal minAnnualRate;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "approved_limit")
  private BigDecimal approvedLimit;

  @Column(name = "approved_term_months")
  private Integer approvedTermMonths;

  @Column(name = "second_approver")
  private String secondApprover;

  @Column(name = "second_approved_at")
  private Instant secondApprovedAt;

  @Column(name = "documents_requested")
  private String documentsRequested;

  @Column(name = "offer_limit")
  private BigDecimal offerLimit;

  @Column(name = "offer_amount")
  private BigDecimal offerAmount;

  @Column(name = "offer_term_months")
  private Integer offerTermMonths;

  @Column(name = "offer_annual_rate")
  private BigDecimal offerAnnualRate;

  @Column(name = "offer_interest_free")
  private Integer offerInterestFreeMonths;

  @Column(name = "offer_instalment")
  private BigDecimal offerInstalment;

  @Convert(converter = JsonColumn.Promotions.class)
  @Column(name = "offer_promotions")
  private List<Promotion> offerPromotions = new ArrayList<>();

  @Column(name = "offer_expires_at")
  private Instant offerExpiresAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "loan_number")
  private String loanNumber;

  @Column(name = "credit_line_id")
  private String creditLineId;

  @Column(name = "disbursed_at")
  private Instant disbursedAt;

  @Column(name = "closed_reason")
  private String closedReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected LoanApplication() {}

  /** What the channel sent, as accepted by validation. */
  public record Request(String externalReference, String fingerprint, Channel channel, String campaignCode,
      String customerId, BigDecimal monthlyIncome, int employmentMonths, BigDecimal monthlyDebtPayments,
      int dependants, int age, BigDecimal requestedAmount, int termMonths, LoanPurpose purpose, String currency) {}

  LoanApplication(Request request, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.externalReference = request.externalReference();
    this.requestFingerprint = request.fingerprint();
    this.channel = request.channel();
    this.campaignCode = request.campaignCode();
    this.customerId = request.customerId();
    this.monthlyIncome = request.monthlyIncome();
    this.employmentMonths = request.employmentMonths();
    this.monthlyDebtPayments = request.monthlyDebtPayments();
    this.dependants = request.dependants();
    this.ageAtApplication = request.age();
    this.requestedAmount = request.requestedAmount();
    this.termMonths = request.termMonths();
    this.purpose = request.purpose();
    this.currency = request.currency();
    this.status = ApplicationStatus.RECEIVED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void recordBureau(String reference, String reportJson, Instant now) {
    this.bureauReference = reference;
    this.bureauReport = reportJson;
    this.updatedAt = now;
  }

  void recordScore(BigDecimal debtToIncome, int score, int maxScore, String grade, List<ReasonCode> reasons,
      Instant now) {
    this.debtToIncome = debtToIncome;
    this.score = score;
    this.maxScore = maxScore;
    this.riskGrade = grade;
    this.reasons = new ArrayList<>(reasons);
    this.updatedAt = now;
  }

  void recordDecision(DecisionOutcome outcome, List<ReasonCode> reasons, SuggestedTerms terms, boolean review,
      Instant now) {
    this.outcome = outcome;
    this.reasons = new ArrayList<>(reasons);
    this.decidedAt = now;
    if (terms != null) {
      this.suggestedLimit = terms.limit();
      this.maxTermMonths = terms.maxTermMonths();
      this.annualRate = terms.annualRate();
      this.minAnnualRate = terms.minAnnualRate();
    }
    if (outcome != DecisionOutcome.DECLINE && review) {
      this.status = ApplicationStatus.UNDER_REVIEW;
    }
    this.updatedAt = now;
  }

  void recordReview(String reviewer, BigDecimal limit, int term, Instant now) {
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
    this.approvedLimit = limit;
    this.approvedTermMonths = term;
    this.updatedAt = now;
  }

  void recordDocumentsRequested(String reviewer, String documents, Instant now) {
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
    this.documentsRequested = documents;
    this.updatedAt = now;
  }

  void recordSecondApproval(String approver, Instant now) {
    this.secondApprover = approver;
    this.secondApprovedAt = now;
    this.updatedAt = now;
  }

  void decline(List<ReasonCode> reasons, String closedReason, Instant now) {
    this.outcome = DecisionOutcome.DECLINE;
    this.reasons = new ArrayList<>(reasons);
    this.closedReason = closedReason;
    this.status = ApplicationStatus.DECLINED;
    if (this.decidedAt == null) {
      this.decidedAt = now;
    }
    this.updatedAt = now;
  }

  void approve(Instant now) {
    this.status = ApplicationStatus.APPROVED;
    this.updatedAt = now;
  }

  void offer(Offer offer, Instant now) {
    this.offerLimit = offer.creditLimit();
    this.offerAmount = offer.amount();
    this.offerTermMonths = offer.termMonths();
    this.offerAnnualRate = offer.annualRate();
    this.offerInterestFreeMonths = offer.interestFreeMonths();
    this.offerInstalment = offer.monthlyInstalment();
    this.offerPromotions = new ArrayList<>(offer.promotions());
    this.offerExpiresAt = offer.expiresAt();
    this.status = ApplicationStatus.OFFERED;
    this.updatedAt = now;
  }

  void answer(boolean accepted, Instant now) {
    this.answeredAt = now;
    this.status = accepted ? ApplicationStatus.ACCEPTED : ApplicationStatus.CANCELLED;
    if (!accepted) {
      this.closedReason = "OFFER_REJECTED";
    }
    this.updatedAt = now;
  }

  void expire(Instant now) {
    this.status = ApplicationStatus.EXPIRED;
    this.closedReason = "OFFER_EXPIRED";
    this.updatedAt = now;
  }

  void disbursed(String loanNumber, String creditLineId, Instant now) {
    this.loanNumber = loanNumber;
    this.creditLineId = creditLineId;
    this.disbursedAt = now;
    this.status = ApplicationStatus.DISBURSED;
    this.updatedAt = now;
  }

  public String getExternalReference() { return externalReference; }
  public String getRequestFingerprint() { return requestFingerprint; }
  public Channel getChannel() { return channel; }
  public String getCampaignCode() { return campaignCode; }
  public String getCustomerId() { return customerId; }
  public BigDecimal getMonthlyIncome() { return monthlyIncome; }
  public int getEmploymentMonths() { return employmentMonths; }
  public BigDecimal getMonthlyDebtPayments() { return monthlyDebtPayments; }
  public int getDependants() { return dependants; }
  public int getAgeAtApplication() { return ageAtApplication; }
  public BigDecimal getRequestedAmount() { return requestedAmount; }
  public int getTermMonths() { return termMonths; }
  public LoanPurpose getPurpose() { return purpose; }
  public String getCurrency() { return currency; }
  public ApplicationStatus getStatus() { return status; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getBureauReference() { return bureauReference; }
  public String getBureauReport() { return bureauReport; }
  public BigDecimal getDebtToIncome() { return debtToIncome; }
  public Integer getScore() { return score; }
  public Integer getMaxScore() { return maxScore; }
  public String getRiskGrade() { return riskGrade; }
  public DecisionOutcome getOutcome() { return outcome; }
  public List<ReasonCode> getReasons() { return reasons == null ? List.of() : List.copyOf(reasons); }
  public Instant getDecidedAt() { return decidedAt; }
  public BigDecimal getSuggestedLimit() { return suggestedLimit; }
  public Integer getMaxTermMonths() { return maxTermMonths; }
  public BigDecimal getAnnualRate() { return annualRate; }
  public BigDecimal getMinAnnualRate() { return minAnnualRate; }
  public String getReviewedBy() { return reviewedBy; }
  public BigDecimal getApprovedLimit() { return approvedLimit; }
  public Integer getApprovedTermMonths() { return approvedTermMonths; }
  public String getSecondApprover() { return secondApprover; }
  public String getDocumentsRequested() { return documentsRequested; }
  public BigDecimal getOfferLimit() { return offerLimit; }
  public BigDecimal getOfferAmount() { return offerAmount; }
  public Integer getOfferTermMonths() { return offerTermMonths; }
  public BigDecimal getOfferAnnualRate() { return offerAnnualRate; }
  public Integer getOfferInterestFreeMonths() { return offerInterestFreeMonths; }
  public BigDecimal getOfferInstalment() { return offerInstalment; }
  public List<Promotion> getOfferPromotions() {
    return offerPromotions == null ? List.of() : List.copyOf(offerPromotions);
  }
  public Instant getOfferExpiresAt() { return offerExpiresAt; }
  public String getLoanNumber() { return loanNumber; }
  public String getCreditLineId() { return creditLineId; }
  public Instant getDisbursedAt() { return disbursedAt; }
  public String getClosedReason() { return closedReason; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
