package io.creditflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link BenefitCost} estimates, {@link CampaignDraft} form reading, segment matching and rate disclosure. */
class BenefitCostTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static Map<String, Object> form() {
    Map<String, Object> form = new HashMap<>();
    form.put("campaignName", "Summer");
    form.put("campaignCode", "SUMMER-1");
    form.put("targetChannel", "ANY");
    form.put("rateDiscountBps", 50L);
    form.put("interestFreeMonths", 2L);
    form.put("cashbackAmount", 100.5);
    form.put("budget", 10000L);
    form.put("startDate", "2031-03-01");
    form.put("endDate", "2031-03-31");
    form.put("benefitDisclosure", "from 6.00% to 8.70%");
    return form;
  }

  static PromotionCampaign campaign(Map<String, Object> form) {
    return new PromotionCampaign("pi", CampaignDraft.read(form, ZONE), "marketer", Instant.parse("2031-03-01T00:00:00Z"));
  }

  @Test
  void eachBenefitHasItsEstimate() {
    Map<String, Object> discountOnly = form();
    discountOnly.put("interestFreeMonths", 0L);
    discountOnly.put("cashbackAmount", 0L);
    // 0.50% x 50,000 x 2 years / 2 = 250.00
    assertThat(BenefitCost.estimate(campaign(discountOnly), new BigDecimal("50000.00"), 24,
        new BigDecimal("0.0605"), 0)).isEqualByComparingTo("250.00");

    Map<String, Object> interestFree = form();
    interestFree.put("rateDiscountBps", 0L);
    interestFree.put("cashbackAmount", 0L);
    // 12,000 x 6% / 12 x 2 months = 120.00; the offer carries 3 months from another promotion: still 2 are ours
    assertThat(BenefitCost.estimate(campaign(interestFree), new BigDecimal("12000.00"), 12,
        new BigDecimal("0.06"), 3)).isEqualByComparingTo("120.00");
    // capped by what the offer carries (term - 1)
    assertThat(BenefitCost.estimate(campaign(interestFree), new BigDecimal("12000.00"), 2,
        new BigDecimal("0.06"), 1)).isEqualByComparingTo("60.00");

    // all three: 0.50% x 10,000 x 1 year / 2 = 25.00 + 10,000 x 12% / 12 x 2 = 200.00 + 100.50
    assertThat(BenefitCost.estimate(campaign(form()), new BigDecimal("10000.00"), 12, new BigDecimal("0.12"), 2))
        .isEqualByComparingTo("325.50");
  }

  @Test
  void theFormIsReadWithItsTypes() {
    Map<String, Object> form = form();
    form.put("targetGrades", "A, B,A");
    form.put("targetAgeFrom", 18L);
    form.put("targetAgeTo", 30.0);
    CampaignDraft draft = CampaignDraft.read(form, ZONE);
    assertThat(draft.channel()).isNull();
    assertThat(draft.grades()).containsExactly("A", "B");
    assertThat(draft.ageTo()).isEqualTo(30);
    assertThat(draft.cashbackAmount()).isEqualByComparingTo("100.50");
    assertThat(draft.budget()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(draft.startDate()).isEqualTo(LocalDate.of(2031, 3, 1));
  }

  @Test
  void unusableInputListsEveryProblem() {
    Map<String, Object> form = form();
    form.put("campaignCode", "summer");
    form.put("targetChannel", "TV");
    form.put("targetGrades", "A,F");
    form.put("targetAgeFrom", 40L);
    form.put("targetAgeTo", 30L);
    form.put("cashbackAmount", 1.234);
    form.remove("budget");
    form.put("startDate", "1 March");
    assertThatThrownBy(() -> CampaignDraft.read(form, ZONE)).isInstanceOf(CampaignDraft.Invalid.class)
        .satisfies(e -> assertThat(((CampaignDraft.Invalid) e).problems()).extracting(p -> p.split(":")[0])
            .containsExactlyInAnyOrder("campaignCode", "targetChannel", "targetGrades", "targetAgeTo",
                "cashbackAmount", "budget", "startDate"));
  }

  @Test
  void theDisclosureMustNameTheLowestAndHighestRate() {
    var rates = List.of(new CampaignChecks.RateRange(new BigDecimal("0.060000"), new BigDecimal("0.063000")),
        new CampaignChecks.RateRange(new BigDecimal("0.084000"), new BigDecimal("0.087000")));
    assertThat(CampaignChecks.statesRates("Annual rate from 6.00% to 8.70%.", rates)).isTrue();
    assertThat(CampaignChecks.statesRates("Annual rate from 6.00%.", rates)).isFalse();
    assertThat(CampaignChecks.statesRates("0.50% off!", rates)).isFalse();
    assertThat(CampaignChecks.statesRates(null, rates)).isFalse();
    assertThat(CampaignChecks.statesRates("6.00%", List.of())).isFalse();
  }

  @Test
  void aPartnerMerchantCampaignIsReachedOnlyByItsCode() {
    Map<String, Object> form = form();
    form.put("targetPartnerMerchant", "Golden Furniture");
    PromotionCampaign campaign = campaign(form);
    assertThat(CampaignService.segment(campaign)).contains("partner merchant Golden Furniture (by code only)");
    assertThat(CampaignService.benefit(campaign)).isEqualTo(
        "50 bps off the annual rate, 2 interest-free month(s), 100.50 cash-back coupon");
  }
}
