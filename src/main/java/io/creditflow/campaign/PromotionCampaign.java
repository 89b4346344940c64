package io.creditflow.campaign;

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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A marketing promotion campaign ({@code cf_promotion_campaign}): its target segment, benefit, budget and dates, what
 * the automatic checks and compliance said, the benefit cost booked so far and the results at close. The process
 * {@code promotionCampaign} drives it; every change is a named transition.
 */
@Entity
@Table(name = "cf_promotion_campaign")
public class PromotionCampaign {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 32)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CampaignStatus status;

  @Column(name = "process_instance_id", nullable = false, updatable = false, length = 64)
  private String processInstanceId;

  @Column(name = "target_channel", length = 16)
  private String targetChannel;

  @Column(name = "target_age_from")
  private Integer targetAgeFrom;

  @Column(name = "target_age_to")
  private Integer targetAgeTo;

  @Column(name = "target_grades", length = 16)
  private String targetGrades;

  @Column(name = "target_partner_merchant", length = 100)
  private String targetPartnerMerchant;

  @Column(name = "rate_discount_bps", nullable = false)
  private int rateDiscountBps;

  @Column(name = "interest_free_months", nullable = false)
  private int interestFreeMonths;

  @Column(name = "cashback_amount", nullable = false)
  private BigDecimal cashbackAmount;

  @Column(name = "benefit_disclosure", length = 1000)
  private String benefitDisclosure;

  @Column(nullable = false)
  private BigDecimal budget;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  private LocalDate endDate;

  @Column(name = "check_runs", nullable = false)
  private int checkRuns;

  @Column(name = "check_findings", length = 2000)
  private String checkFindings;

  @Column(name = "disclosed_rates", length = 500)
  private String disclosedRates;

  @Column(name = "created_by", length = 64)
  private String createdBy;

  @Column(name = "reviewed_by", length = 64)
  private String reviewedBy;

  @Column(name = "review_comment", length = 500)
  private String reviewComment;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(nullable = false)
  private BigDecimal spent;

  @Column(name = "closed_reason", length = 24)
  private String closedReason;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "result_applications")
  private Integer resultApplications;

  @Column(name = "result_approvals")
  private Integer resultApprovals;

  @Column(name = "result_disbursed_loans")
  private Integer resultDisbursedLoans;

  @Column(name = "result_disbursed_amount")
  private BigDecimal resultDisbursedAmount;

  @Column(name = "result_benefit_cost")
  private BigDecimal resultBenefitCost;

  @Column(name = "result_delinquent_loans")
  private Integer resultDelinquentLoans;

  @Column(name = "result_delinquent_principal")
  private BigDecimal resultDelinquentPrincipal;

  @Column(name = "results_conclusion", length = 16)
  private String resultsConclusion;

  @Column(name = "results_comment", length = 500)
  private String resultsComment;

  @Column(name = "results_reviewed_by", length = 64)
  private String resultsReviewedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private Long version;

  protected PromotionCampaign() {}

  PromotionCampaign(String processInstanceId, CampaignDraft draft, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.processInstanceId = processInstanceId;
    this.createdBy = createdBy;
    this.status = CampaignStatus.DRAFT;
    this.spent = BigDecimal.ZERO.setScale(2);
    this.createdAt = now;
    revise(draft, now);
  }

  /** Takes marketing's (revised) terms; the checks run again. */
  void revise(CampaignDraft draft, Instant now) {
    this.code = draft.code();
    this.name = draft.name();
    this.targetChannel = draft.channel();
    this.targetAgeFrom = draft.ageFrom();
    this.targetAgeTo = draft.ageTo();
    this.targetGrades = draft.grades().isEmpty() ? null : String.join(",", draft.grades());
    this.targetPartnerMerchant = draft.partnerMerchant();
    this.rateDiscountBps = draft.rateDiscountBps();
    this.interestFreeMonths = draft.interestFreeMonths();
    this.cashbackAmount = draft.cashbackAmount();
    this.benefitDisclosure = draft.disclosure();
    this.budget = draft.budget();
    this.startDate = draft.startDate();
    this.endDate = draft.endDate();
    this.status = CampaignStatus.DRAFT;
    this.updatedAt = now;
  }

  void checked(List<String> findings, String disclosedRates, Instant now) {
    this.checkRuns++;
    this.checkFindings = findings.isEmpty() ? null : String.join("\n", findings);
    this.disclosedRates = disclosedRates;
    this.status = findings.isEmpty() ? CampaignStatus.IN_REVIEW : CampaignStatus.DRAFT;
    this.updatedAt = now;
  }

  void reviewed(String reviewer, String comment, Instant now) {
    this.reviewedBy = reviewer;
    this.reviewComment = comment;
    this.reviewedAt = now;
    this.updatedAt = now;
  }

  void approve(Instant now) {
    this.status = CampaignStatus.APPROVED;
    this.updatedAt = now;
  }

  void reject(Instant now) {
    this.status = CampaignStatus.REJECTED;
    this.updatedAt = now;
  }

  void withdraw(Instant now) {
    this.status = CampaignStatus.WITHDRAWN;
    this.updatedAt = now;
  }

  /** Books the estimated cost of one benefit granted with a disbursed loan. */
  void spend(BigDecimal cost, Instant now) {
    this.spent = this.spent.add(cost);
    this.updatedAt = now;
  }

  void close(String reason, Instant now) {
    this.status = CampaignStatus.CLOSED;
    this.closedReason = reason;
    this.closedAt = now;
    this.updatedAt = now;
  }

  void results(CampaignResults results, Instant now) {
    this.resultApplications = (int) results.applications();
    this.resultApprovals = (int) results.approvals();
    this.resultDisbursedLoans = (int) results.disbursedLoans();
    this.resultDisbursedAmount = results.disbursedAmount();
    this.resultBenefitCost = results.benefitCost();
    this.resultDelinquentLoans = (int) results.delinquentLoans();
    this.resultDelinquentPrincipal = results.delinquentPrincipal();
    this.updatedAt = now;
  }

  void resultsReviewed(String reviewer, String conclusion, String comment, Instant now) {
    this.resultsReviewedBy = reviewer;
    this.resultsConclusion = conclusion;
    this.resultsComment = comment;
    this.updatedAt = now;
  }

  /** Approved, between start and end date (inclusive) and with budget left. */
  public boolean isRunningOn(LocalDate date) {
    return status == CampaignStatus.APPROVED && !date.isBefore(startDate) && !date.isAfter(endDate)
        && spent.compareTo(budget) < 0;
  }

  public boolean isBudgetSpent() {
    return spent.compareTo(budget) >= 0;
  }

  public List<String> getTargetGradeList() {
    return targetGrades == null ? List.of() : Arrays.asList(targetGrades.split(","));
  }

  public String getId() { return id; }
  public String getCode() { return code; }
  public String getName() { return name; }
  public CampaignStatus getStatus() { return status; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getTargetChannel() { return targetChannel; }
  public Integer getTargetAgeFrom() { return targetAgeFrom; }
  public Integer getTargetAgeTo() { return targetAgeTo; }
  public String getTargetGrades() { return targetGrades; }
  public String getTargetPartnerMerchant() { return targetPartnerMerchant; }
  public int getRateDiscountBps() { return rateDiscountBps; }
  public int getInterestFreeMonths() { return interestFreeMonths; }
  public BigDecimal getCashbackAmount() { return cashbackAmount; }
  public String getBenefitDisclosure() { return benefitDisclosure; }
  public BigDecimal getBudget() { return budget; }
  public LocalDate getStartDate() { return startDate; }
  public LocalDate getEndDate() { return endDate; }
  public int getCheckRuns() { return checkRuns; }
  public String getCheckFindings() { return checkFindings; }
  public String getDisclosedRates() { return disclosedRates; }
  public String getCreatedBy() { return createdBy; }
  public String getReviewedBy() { return reviewedBy; }
  public String getReviewComment() { return reviewComment; }
  public Instant getReviewedAt() { return reviewedAt; }
  public BigDecimal getSpent() { return spent; }
  public String getClosedReason() { return closedReason; }
  public Instant getClosedAt() { return closedAt; }
  public Integer getResultApplications() { return resultApplications; }
  public Integer getResultApprovals() { return resultApprovals; }
  public Integer getResultDisbursedLoans() { return resultDisbursedLoans; }
  public BigDecimal getResultDisbursedAmount() { return resultDisbursedAmount; }
  public BigDecimal getResultBenefitCost() { return resultBenefitCost; }
  public Integer getResultDelinquentLoans() { return resultDelinquentLoans; }
  public BigDecimal getResultDelinquentPrincipal() { return resultDelinquentPrincipal; }
  public String getResultsConclusion() { return resultsConclusion; }
  public String getResultsComment() { return resultsComment; }
  public String getResultsReviewedBy() { return resultsReviewedBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
