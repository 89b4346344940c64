package io.creditflow.origination;

import io.creditflow.campaign.CampaignOffers;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.RepaymentScheduleCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an approval into an offer and an accepted offer into a disbursed loan.
 * <ul>
 *   <li>Limit: what a person approved, or for an automatic approval the suggested limit capped at the
 *       auto-approval ceiling. Amount: the requested amount within the limit.</li>
 *   <li>Term: what a person approved, or the longest product term up to both the requested and the grade's
 *       maximum term.</li>
 *   <li>Price: the grade's rate less the promotions' discounts, never below the grade's floor; interest-free months
 *       from promotions ({@code promotions} DMN, and the running promotion campaigns that match the application,
 *       {@link CampaignOffers}), never the whole term.</li>
 * </ul>
 */
@Service
public class OfferService {

  private final LoanApplicationRepository applications;
  private final DecisionService decisions;
  private final DisbursementService disbursements;
  private final RepaymentScheduleCalculator schedules = new RepaymentScheduleCalculator();
  private final OriginationNotices notices;
  private final OriginationProperties product;
  private final Clock clock;
  private final CampaignOffers campaigns;

  public OfferService(LoanApplicationRepository applications, DecisionService decisions,
      DisbursementService disbursements, OriginationNotices notices,
      OriginationProperties product, Clock clock, CampaignOffers campaigns) {
    this.campaigns = campaigns;
    this.applications = applications;
    this.decisions = decisions;
    this.disbursements = disbursements;
    this.notices = notices;
    this.product = product;
    this.clock = clock;
  }

  /** Makes the offer and notifies the customer; returns when it expires. */
  @Transactional
  public Instant makeOffer(String applicationId) {
    LoanApplication application = get(applicationId);
    BigDecimal limit = application.getApprovedLimit() != null
        ? application.getApprovedLimit()
        : application.getSuggestedLimit().min(product.autoApprovalCeiling());
    int term = application.getApprovedTermMonths() != null
        ? application.getApprovedTermMonths()
        : product.longestTermUpTo(Math.min(application.getTermMonths(), application.getMaxTermMonths()));
    BigDecimal amount = application.getRequestedAmount().min(limit);

    List<Promotion> promotions = promotions(application);
    int discountBps = promotions.stream().mapToInt(Promotion::rateDiscountBps).sum();
    BigDecimal rate = application.getAnnualRate()
        .subtract(BigDecimal.valueOf(discountBps).movePointLeft(4))
        .max(application.getMinAnnualRate())
        .setScale(6, RoundingMode.HALF_UP);
    int interestFree = Math.min(promotions.stream().mapToInt(Promotion::interestFreeMonths).max().orElse(0),
        term - 1);

    BigDecimal instalment = regularInstalment(amount, rate, term, interestFree);
    Instant now = now();
    Instant expiresAt = now.plus(product.offerValidity());
    Offer offer = new Offer(limit, amount, term, rate, interestFree, instalment, promotions, expiresAt);
    application.offer(offer, now);
    campaigns.offered(application);
    notices.offerMade(application);
    return expiresAt;
  }

  /** The instalment the customer pays once any interest-free months are over. */
  private BigDecimal regularInstalment(BigDecimal amount, BigDecimal rate, int term, int interestFree) {
    var lines = schedules.schedule(amount, rate, term, interestFree, LocalDate.now(clock));
    return lines.get(Math.min(interestFree, lines.size() - 1)).total();
  }

  private List<Promotion> promotions(LoanApplication application) {
    List<Promotion> promotions = new ArrayList<>();
    for (DmnDecisionResultEntries row : decisions.evaluateDecisionByKey("promotions")
        .variables(Variables.createVariables()
            .putValue("campaignCode", application.getCampaignCode())
            .putValue("channel", application.getChannel().name())
            .putValue("grade", application.getRiskGrade())
            .putValue("age", application.getAgeAtApplication()))
        .evaluate()) {
      promotions.add(new Promotion(row.getEntry("promotionCode"),
          ((Number) row.getEntry("rateDiscountBps")).intValue(),
          ((Number) row.getEntry("interestFreeMonths")).intValue(),
          row.getEntry("couponCode"), row.getEntry("promotionDescription")));
    }
    promotions.addAll(campaigns.promotionsFor(application));
    return promotions;
  }

  @Transactional
  public void expire(String applicationId) {
    LoanApplication application = get(applicationId);
    application.expire(now());
    notices.offerExpired(application);
  }

  /** Books the loan (idempotent: a retried job never pays twice) and confirms it to the customer. */
  @Transactional
  public String disburse(String applicationId) {
    LoanApplication application = get(applicationId);
    if (application.getStatus() == ApplicationStatus.DISBURSED) {
      return application.getLoanNumber();
    }
    var result = disbursements.disburse(new DisbursementRequest(application.getId(),
        application.getCustomerId(), application.getCurrency(), application.getOfferLimit(),
        application.getOfferAmount(), application.getOfferTermMonths(), application.getOfferAnnualRate(),
        application.getOfferInterestFreeMonths(), application.getRiskGrade()));
    application.disbursed(result.loanNumber(), result.creditLineId(), now());
    campaigns.disbursed(application);
    notices.loanDisbursed(application);
    return result.loanNumber();
  }

  private LoanApplication get(String applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
