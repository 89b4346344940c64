package io.creditflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import io.creditflow.support.DecisionTableUnderTest;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/servicing/limit-review.dmn}: hit policy FIRST, every rule matched; the behaviour score. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitReviewDecisionTest {

  private static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest(LimitReviewDecision.DECISION_KEY,
      Path.of("processes/servicing/limit-review.dmn"));

  private static DmnDecisionResultEntries decide(int behaviour, int bureau, int delinquencies, int dpd,
      double utilisation) {
    return TABLE.evaluate(Variables.createVariables().putValue("behaviourScore", behaviour)
        .putValue("bureauScore", bureau).putValue("bureauDelinquencies12m", delinquencies)
        .putValue("daysPastDue", dpd).putValue("utilisation", utilisation)).getSingleResult();
  }

  @ParameterizedTest(name = "behaviour {0}, bureau {1}, delinquencies {2}, dpd {3}, use {4} -> {5} x{6} {7}")
  @CsvSource({
      "1000, 820, 0, 31, 0.6, FREEZE,   0.0, LR_SEVERE_ARREARS",
      "1000, 820, 3,  0, 0.6, FREEZE,   0.0, LR_BUREAU_DELINQUENCIES",
      " 600, 560, 5, 10, 0.6, FREEZE,   0.0, LR_BUREAU_DELINQUENCIES",
      " 900, 820, 0, 30, 0.6, DECREASE, 0.8, LR_ARREARS",
      " 990, 820, 0,  1, 0.6, DECREASE, 0.8, LR_ARREARS",
      "1000, 549, 0,  0, 0.6, DECREASE, 0.8, LR_LOW_BUREAU_SCORE",
      "1000, 300, 2,  0, 0.6, DECREASE, 0.8, LR_LOW_BUREAU_SCORE",
      " 499, 820, 0,  0, 0.6, DECREASE, 0.8, LR_WEAK_BEHAVIOUR",
      " 800, 700, 0,  0, 0.5, INCREASE, 1.2, LR_GOOD_CONDUCT",
      "1000, 900, 0,  0, 1.0, INCREASE, 1.2, LR_GOOD_CONDUCT",
      "1000, 820, 0,  0, 0.49, KEEP,    1.0, LR_NO_CHANGE",
      "1000, 699, 0,  0, 0.9, KEEP,     1.0, LR_NO_CHANGE",
      " 799, 820, 0,  0, 0.9, KEEP,     1.0, LR_NO_CHANGE",
      "1000, 820, 1,  0, 0.9, KEEP,     1.0, LR_NO_CHANGE",
      "1000,   0, 0,  0, 0.9, KEEP,     1.0, LR_NO_CHANGE",
      " 500, 550, 2,  0, 0.1, KEEP,     1.0, LR_NO_CHANGE"})
  void decides(int behaviour, int bureau, int delinquencies, int dpd, double utilisation, String action,
      double factor, String reasonCode) {
    DmnDecisionResultEntries result = decide(behaviour, bureau, delinquencies, dpd, utilisation);

    assertThat((String) result.getEntry("action")).isEqualTo(action);
    assertThat(((Number) result.getEntry("limitFactor")).doubleValue()).isEqualTo(factor);
    assertThat((String) result.getEntry("reasonCode")).isEqualTo(reasonCode);
    assertThat((String) result.getEntry("reasonText")).isNotBlank();
  }

  @Test
  void freezesWinOverDecreasesAndDecreasesOverTheIncrease() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat((String) decide(1000, 900, 3, 31, 1.0).getEntry("action")).isEqualTo("FREEZE");
    assertThat((String) decide(1000, 900, 0, 5, 1.0).getEntry("action")).isEqualTo("DECREASE");
    for (LimitAction action : LimitAction.values()) {
      assertThat(action.name()).isIn("INCREASE", "KEEP", "DECREASE", "FREEZE");
    }
  }

  @Test
  void theBehaviourScoreFollowsItsDocumentedFormula() {
    assertThat(BehaviourScore.score(0, 0, new BigDecimal("0.5"))).isEqualTo(1000);
    assertThat(BehaviourScore.score(0, 2, new BigDecimal("0.5"))).isEqualTo(800);
    assertThat(BehaviourScore.score(5, 1, new BigDecimal("0.95"))).isEqualTo(750);
    assertThat(BehaviourScore.score(90, 9, new BigDecimal("1"))).isEqualTo(0);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    TABLE.assertEveryRuleMatched();
  }
}
