package io.creditflow.campaign;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign's benefit granted with an application's offer ({@code cf_campaign_benefit}); once the loan is disbursed,
 * its principal and the estimated benefit cost booked against the campaign's budget ({@link BenefitCost}).
 */
@Entity
@Table(name = "cf_campaign_benefit")
public class CampaignBenefit extends AssignedIdEntity {

  @Column(name = "campaign_id", nullable = false, updatable = false, length = 36)
  private String campaignId;

  @Column(name = "application_id", nullable = false, updatable = false, length = 36)
  private String applicationId;

  @Column(name = "offered_at", nullable = false, updatable = false)
  private Instant offeredAt;

  @Column(name = "loan_number", length = 14)
  private String loanNumber;

  private BigDecimal principal;

  @Column(name = "benefit_cost")
  private BigDecimal benefitCost;

  @Column(name = "disbursed_at")
  private Instant disbursedAt;

  protected CampaignBenefit() {}

  CampaignBenefit(String campaignId, String applicationId, Instant offeredAt) {
    this.id = UUID.randomUUID().toString();
    this.campaignId = campaignId;
    this.applicationId = applicationId;
    this.offeredAt = offeredAt;
  }

  void disbursed(String loanNumber, BigDecimal principal, BigDecimal cost, Instant now) {
    this.loanNumber = loanNumber;
    this.principal = principal;
    this.benefitCost = cost;
    this.disbursedAt = now;
  }

  public boolean isDisbursed() { return loanNumber != null; }
  public String getCampaignId() { return campaignId; }
  public String getApplicationId() { return applicationId; }
  public Instant getOfferedAt() { return offeredAt; }
  public String getLoanNumber() { return loanNumber; }
  public BigDecimal getPrincipal() { return principal; }
  public BigDecimal getBenefitCost() { return benefitCost; }
  public Instant getDisbursedAt() { return disbursedAt; }
}
