package io.creditflow.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The estimated cost of one campaign benefit on one disbursed loan, booked against the campaign's budget. Simple,
 * stated estimates (marketing budgets, not accounting):
 * <ul>
 *   <li><b>rate discount</b>: discount × principal × term in years ÷ 2 — the interest an equal-instalment loan loses,
 *       taking its average balance as half the principal;</li>
 *   <li><b>interest-free months</b>: principal × the offer's annual rate ÷ 12 × the interest-free months the offer
 *       carries from this campaign — the interest forgone while the whole principal is outstanding;</li>
 *   <li><b>cash-back coupon</b>: its face value.</li>
 * </ul>
 * Each part is rounded half-up to cents; the cost is their sum.
 */
final class BenefitCost {

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private BenefitCost() {}

  /**
   * @param principal          the disbursed amount
   * @param termMonths         the loan's term
   * @param annualRate         the offer's annual rate (after all discounts)
   * @param offerInterestFree  the interest-free months the offer carries (the largest of its promotions, capped)
   */
  static BigDecimal estimate(PromotionCampaign campaign, BigDecimal principal, int termMonths, BigDecimal annualRate,
      int offerInterestFree) {
    BigDecimal discount = BigDecimal.valueOf(campaign.getRateDiscountBps()).movePointLeft(4)
        .multiply(principal).multiply(BigDecimal.valueOf(termMonths))
        .divide(TWELVE.multiply(TWO), 2, RoundingMode.HALF_UP);
    int months = Math.min(campaign.getInterestFreeMonths(), offerInterestFree);
    BigDecimal interestFree = principal.multiply(annualRate).multiply(BigDecimal.valueOf(months))
        .divide(TWELVE, 2, RoundingMode.HALF_UP);
    return discount.add(interestFree).add(campaign.getCashbackAmount().setScale(2, RoundingMode.HALF_UP));
  }
}
