package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/origination/promotions.dmn}: hit policy COLLECT, zero or more promotions per application. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionsDecisionTest {

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();
  private static final List<String> OUTPUTS =
      List.of("promotionCode", "rateDiscountBps", "interestFreeMonths", "couponCode", "promotionDescription");

  @Test
  void spring2027GivesHalfAPercentOff() {
    assertThat(promotions("SPRING2027", "WEB", "C", 40)).singleElement().isEqualTo(promotion(
        "SPRING2027", 50, 0, null, "Spring 2027: 0.50% off the annual rate"));
  }

  @Test
  void youthEduGivesThreeInterestFreeMonths() {
    assertThat(promotions("YOUTH-EDU", "BRANCH", "B", 22)).singleElement().isEqualTo(promotion(
        "YOUTH-EDU", 0, 3, null, "Three interest-free months for young customers"));
  }

  @ParameterizedTest(name = "YOUTH-EDU at age {0}: {1} promotion(s)")
  @CsvSource({"17, 0", "18, 1", "30, 1", "31, 0"})
  void youthEduIsForAges18To30(int age, int count) {
    assertThat(promotions("YOUTH-EDU", "WEB", "A", age)).hasSize(count);
  }

  @Test
  void partnerChannelGivesACashBackCoupon() {
    assertThat(promotions(null, "PARTNER", "B", 40)).singleElement().isEqualTo(promotion(
        "PARTNER-CASHBACK", 0, 0, "CASHBACK-200", "CNY 200 cash-back coupon from our partner merchant"));
  }

  @Test
  void mobileAppGivesAQuarterPercentOffToGradeA() {
    assertThat(promotions(null, "MOBILE_APP", "A", 40)).singleElement().isEqualTo(promotion(
        "APP-RATE", 25, 0, null, "0.25% off for applying in the app"));
  }

  @Test
  void promotionsAddUp() {
    assertThat(promotions("SPRING2027", "MOBILE_APP", "A", 40)).extracting(p -> p.get("promotionCode"))
        .containsExactlyInAnyOrder("SPRING2027", "APP-RATE");
    assertThat(promotions("YOUTH-EDU", "PARTNER", "A", 25)).extracting(p -> p.get("promotionCode"))
        .containsExactlyInAnyOrder("YOUTH-EDU", "PARTNER-CASHBACK");
  }

  @ParameterizedTest(name = "campaign {0}, channel {1}, grade {2}: none")
  @CsvSource(nullValues = "NULL", value = {
      "SPRING2027, WEB,        D, 40",
      "YOUTH-EDU,  WEB,        D, 20",
      "NULL,       PARTNER,    C, 40",
      "NULL,       MOBILE_APP, B, 40",
      "NULL,       WEB,        A, 40",
      "NULL,       BRANCH,     A, 40",
      "WINTER2026, WEB,        A, 40",
      "spring2027, WEB,        A, 40"})
  void noPromotionOtherwise(String campaignCode, String channel, String grade, int age) {
    assertThat(promotions(campaignCode, channel, grade, age)).isEmpty();
  }

  @Test
  void nullCampaignCodeDoesNotBreakTheEvaluation() {
    assertThat(promotions(null, "WEB", "A", 40)).isEmpty();
    assertThat(promotions(null, "MOBILE_APP", "A", 40)).extracting(p -> p.get("promotionCode"))
        .containsExactly("APP-RATE");
  }

  @Test
  void everyPromotionHasAllOutputsEvenWhenTheCouponIsNull() {
    List<Map<String, Object>> all = promotions("SPRING2027", "MOBILE_APP", "A", 40);

    assertThat(all).isNotEmpty().allSatisfy(p -> assertThat(p).containsOnlyKeys(OUTPUTS));
    assertThat(all).extracting(p -> p.get("promotionCode"), p -> p.get("couponCode"))
        .contains(tuple("APP-RATE", null));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    DECISIONS.coverage().assertEveryRuleMatched(DecisionFile.PROMOTIONS);
  }

  private static List<Map<String, Object>> promotions(String campaignCode, String channel, String grade, int age) {
    VariableMap variables = Variables.createVariables()
        .putValue("campaignCode", campaignCode)
        .putValue("channel", channel)
        .putValue("grade", grade)
        .putValue("age", age);
    return DECISIONS.evaluate(DecisionFile.PROMOTIONS, variables).getResultList();
  }

  private static Map<String, Object> promotion(String code, int rateDiscountBps, int interestFreeMonths,
                                               String couponCode, String description) {
    Map<String, Object> promotion = new java.util.LinkedHashMap<>();
    promotion.put("promotionCode", code);
    promotion.put("rateDiscountBps", rateDiscountBps);
    promotion.put("interestFreeMonths", interestFreeMonths);
    promotion.put("couponCode", couponCode);
    promotion.put("promotionDescription", description);
    return promotion;
  }
}
