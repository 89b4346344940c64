package io.creditflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/campaign/campaign-rules.dmn}: hit policy COLLECT, one finding per broken rule. */
class CampaignRulesDecisionTest {

  static final DecisionTableUnderTest TABLE =
      new DecisionTableUnderTest("campaignRules", Path.of("processes/campaign/campaign-rules.dmn"));

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }

  /** A campaign that passes: 30 days from tomorrow, 50 bps, budget 100,000, rate disclosed. */
  static VariableMap good() {
    return Variables.createVariables()
        .putValue("durationDays", 30).putValue("leadDays", 1).putValue("budget", 100000.0)
        .putValue("rateDiscountBps", 50).putValue("interestFreeMonths", 0).putValue("cashbackAmount", 0.0)
        .putValue("targetsDeclinedGrade", false).putValue("disclosureStatesRate", true);
  }

  static List<String> findings(VariableMap variables) {
    return TABLE.evaluate(variables).getResultList().stream().map(row -> (String) row.get("findingCode")).toList();
  }

  @Test
  void collectsEveryFinding() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(findings(good())).isEmpty();
    VariableMap bad = good().putValue("targetsDeclinedGrade", true).putValue("disclosureStatesRate", false)
        .putValue("budget", 0.0);
    assertThat(findings(bad)).containsExactlyInAnyOrder("C_DECLINED_GRADE", "C_RATE_NOT_DISCLOSED", "C_NO_BUDGET");
    assertThat(TABLE.evaluate(bad).getResultList()).allSatisfy(row ->
        assertThat((String) row.get("findingText")).isNotBlank());
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @CsvSource(nullValues = "NONE", value = {
      "durationDays, 1, NONE",
      "durationDays, 183, NONE",
      "durationDays, 184, C_TOO_LONG",
      "durationDays, 0, C_END_BEFORE_START",
      "leadDays, 0, NONE",
      "leadDays, -1, C_START_IN_PAST",
      "rateDiscountBps, 200, NONE",
      "rateDiscountBps, 201, C_RATE_DISCOUNT_TOO_HIGH",
      "interestFreeMonths, 6, NONE",
      "interestFreeMonths, 7, C_INTEREST_FREE_TOO_LONG"})
  void wholeNumberLimits(String input, int value, String finding) {
    assertThat(findings(good().putValue(input, value))).isEqualTo(finding == null ? List.of() : List.of(finding));
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @CsvSource(nullValues = "NONE", value = {
      "budget, 0.01, NONE",
      "budget, 0, C_NO_BUDGET",
      "budget, 5000000, NONE",
      "budget, 5000000.01, C_BUDGET_TOO_HIGH",
      "cashbackAmount, 500, NONE",
      "cashbackAmount, 500.01, C_CASHBACK_TOO_HIGH"})
  void amountLimits(String input, double value, String finding) {
    assertThat(findings(good().putValue(input, value))).isEqualTo(finding == null ? List.of() : List.of(finding));
  }

  @Test
  void aCampaignMustGiveSomething() {
    VariableMap nothing = good().putValue("rateDiscountBps", 0);
    assertThat(findings(nothing)).containsExactly("C_NO_BENEFIT");
    assertThat(findings(good().putValue("rateDiscountBps", 0).putValue("cashbackAmount", 100.0))).isEmpty();
    assertThat(findings(good().putValue("rateDiscountBps", 0).putValue("interestFreeMonths", 3))).isEmpty();
  }

  @Test
  void declinedGradesAndUndisclosedRatesAreFindings() {
    assertThat(findings(good().putValue("targetsDeclinedGrade", true))).containsExactly("C_DECLINED_GRADE");
    assertThat(findings(good().putValue("disclosureStatesRate", false))).containsExactly("C_RATE_NOT_DISCLOSED");
  }
}
