package io.creditflow.campaign;

import io.creditflow.origination.LoanApplication;
import io.creditflow.origination.Promotion;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How origination honours campaigns (called by {@code OfferService}, in its transaction):
 * <ol>
 *   <li>{@link #promotionsFor}: the promotions of the campaigns running today (approved, between start and end date,
 *       budget left) that match the application, next to those of the {@code promotions} DMN. A campaign matches when
 *       every criterion of its segment holds — channel, age band, risk grade — and either the application carries
 *       the campaign's code, or the campaign names no partner merchant: applications do not record the merchant, so
 *       a partner-merchant campaign reaches customers only through the code the merchant hands out.</li>
 *   <li>{@link #offered}: the offer carried these campaigns' benefits (the campaign's approvals).</li>
 *   <li>{@link #disbursed}: the loan was paid out; the estimated benefit cost ({@link BenefitCost}) is booked against
 *       each campaign's budget, once per application. When that uses the budget up, the campaign's process gets
 *       {@value PromotionCampaignProcess#BUDGET_EXHAUSTED} after the commit, and no further offer carries it. Offers
 *       already made keep their benefit, so the booked cost may end above the budget.</li>
 * </ol>
 */
@Service
public class CampaignOffers {

  private static final Logger log = LoggerFactory.getLogger(CampaignOffers.class);

  private final PromotionCampaignRepository campaigns;
  private final CampaignBenefitRepository benefits;
  private final BudgetExhaustedCorrelator correlator;
  private final Clock clock;

  CampaignOffers(PromotionCampaignRepository campaigns, CampaignBenefitRepository benefits,
      BudgetExhaustedCorrelator correlator, Clock clock) {
    this.campaigns = campaigns;
    this.benefits = benefits;
    this.correlator = correlator;
    this.clock = clock;
  }

  /** The running campaigns' promotions for this (scored) application; empty when none matches. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Promotion> promotionsFor(LoanApplication application) {
    LocalDate today = LocalDate.now(clock);
    return campaigns.findApprovedOn(today).stream()
        .filter(campaign -> campaign.isRunningOn(today) && matches(campaign, application))
        .map(CampaignOffers::promotion)
        .toList();
  }

  /** Records the campaigns whose benefit the application's offer carries (idempotent). */
  @Transactional
  public void offered(LoanApplication application) {
    for (PromotionCampaign campaign : campaignsOf(application).values()) {
      if (benefits.findByCampaignIdAndApplicationId(campaign.getId(), application.getId()).isEmpty()) {
        benefits.save(new CampaignBenefit(campaign.getId(), application.getId(), now()));
      }
    }
  }

  /** Books the benefit cost of the disbursed application's campaigns (idempotent). */
  @Transactional
  public void disbursed(LoanApplication application) {
    Map<String, PromotionCampaign> byId = campaignsOf(application).values().stream()
        .collect(Collectors.toMap(PromotionCampaign::getId, Function.identity()));
    for (CampaignBenefit benefit : benefits.findByApplicationId(application.getId())) {
      PromotionCampaign campaign = byId.get(benefit.getCampaignId());
      if (campaign == null || benefit.isDisbursed()) {
        continue;
      }
      boolean hadBudget = !campaign.isBudgetSpent();
      BigDecimal cost = BenefitCost.estimate(campaign, application.getOfferAmount(),
          application.getOfferTermMonths(), application.getOfferAnnualRate(),
          application.getOfferInterestFreeMonths());
      benefit.disbursed(application.getLoanNumber(), application.getOfferAmount(), cost, now());
      campaign.spend(cost, now());
      log.info("Campaign {}: benefit cost {} booked for loan {}; {} of {} spent", campaign.getCode(),
          cost.toPlainString(), application.getLoanNumber(), campaign.getSpent().toPlainString(),
          campaign.getBudget().toPlainString());
      if (hadBudget && campaign.isBudgetSpent() && campaign.getStatus() == CampaignStatus.APPROVED) {
        correlator.afterCommit(campaign.getProcessInstanceId(), campaign.getCode());
      }
    }
  }

  static boolean matches(PromotionCampaign campaign, LoanApplication application) {
    if (campaign.getTargetChannel() != null && !campaign.getTargetChannel().equals(application.getChannel().name())) {
      return false;
    }
    int age = application.getAgeAtApplication();
    if ((campaign.getTargetAgeFrom() != null && age < campaign.getTargetAgeFrom())
        || (campaign.getTargetAgeTo() != null && age > campaign.getTargetAgeTo())) {
      return false;
    }
    if (!campaign.getTargetGradeList().isEmpty()
        && !campaign.getTargetGradeList().contains(application.getRiskGrade())) {
      return false;
    }
    return campaign.getCode().equals(application.getCampaignCode()) || campaign.getTargetPartnerMerchant() == null;
  }

  private static Promotion promotion(PromotionCampaign campaign) {
    String coupon = campaign.getCashbackAmount().signum() > 0
        ? campaign.getCode() + "-CASHBACK-" + campaign.getCashbackAmount().stripTrailingZeros().toPlainString()
        : null;
    String description = campaign.getBenefitDisclosure() != null ? campaign.getBenefitDisclosure()
        : campaign.getName();
    return new Promotion(campaign.getCode(), campaign.getRateDiscountBps(), campaign.getInterestFreeMonths(), coupon,
        description);
  }

  /** The campaigns among the application's offer promotions, by code. */
  private Map<String, PromotionCampaign> campaignsOf(LoanApplication application) {
    List<String> codes = new ArrayList<>();
    application.getOfferPromotions().forEach(promotion -> codes.add(promotion.code()));
    if (codes.isEmpty()) {
      return Map.of();
    }
    return campaigns.findByCodeIn(codes).stream()
        .collect(Collectors.toMap(PromotionCampaign::getCode, Function.identity()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
