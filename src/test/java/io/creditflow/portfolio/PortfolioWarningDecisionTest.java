package io.creditflow.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/portfolio/portfolio-warning.dmn}: hit policy COLLECT, each warning and alert line, every rule. */
class PortfolioWarningDecisionTest {

  private static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest(
      PortfolioWarningService.DECISION_KEY, Path.of("processes/portfolio/portfolio-warning.dmn"));

  private static List<String> lines(String dimension, String key, int loans, double byBalance, double byCount,
      Double jump) {
    List<Map<String, Object>> rows = TABLE.evaluate(Variables.createVariables().putValue("dimension", dimension)
        .putValue("segmentKey", key).putValue("loanCount", loans).putValue("overdueRatioBalance", byBalance)
        .putValue("overdueRatioCount", byCount).putValue("rollRateJump", jump)).getResultList();
    return rows.stream().map(r -> r.get("line") + " " + r.get("level") + " " + r.get("recommendedAction"))
        .sorted().toList();
  }

  @Test
  void collectsEveryBreachedLine() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.COLLECT);
  }

  @ParameterizedTest(name = "{0}/{1} ({2} loans) balance {3} count {4} jump {5} -> {6}")
  @CsvSource(delimiter = ';', value = {
      "TOTAL; ALL; 1000; 0.03;   0.03;   ;       ''",
      "TOTAL; ALL; 1000; 0.0301; 0.01;   ;       OVERDUE_RATIO_BALANCE WARNING TIGHTEN_LIMITS",
      "TOTAL; ALL; 1000; 0.05;   0.01;   ;       OVERDUE_RATIO_BALANCE WARNING TIGHTEN_LIMITS",
      "TOTAL; ALL; 1000; 0.0501; 0.01;   ;       OVERDUE_RATIO_BALANCE ALERT TIGHTEN_LIMITS",
      "TOTAL; ALL; 1000; 0.01;   0.04;   ;       OVERDUE_RATIO_COUNT WARNING TIGHTEN_LIMITS",
      "TOTAL; ALL; 1000; 0.01;   0.06;   ;       OVERDUE_RATIO_COUNT ALERT TIGHTEN_LIMITS",
      "TOTAL; ALL; 1000; 0.01;   0.01;   0.004;  ''",
      "TOTAL; ALL; 1000; 0.01;   0.01;   0.005;  ROLL_RATE_JUMP WARNING RAISE_CUTOFF",
      "TOTAL; ALL; 1000; 0.01;   0.01;   0.01;   ROLL_RATE_JUMP ALERT RAISE_CUTOFF",
      "TOTAL; ALL; 1000; 0.01;   0.01;   -0.02;  ''",
      "GRADE; C;   20;   0.04;   0.20;   ;       OVERDUE_RATIO_BALANCE WARNING RAISE_CUTOFF",
      "GRADE; D;   500;  0.09;   0.20;   ;       OVERDUE_RATIO_BALANCE ALERT RAISE_CUTOFF",
      "GRADE; D;   19;   0.09;   0.20;   ;       ''",
      "CAMPAIGN; SPRING; 40; 0.04; 0.2;  ;       OVERDUE_RATIO_BALANCE WARNING PAUSE_CAMPAIGN",
      "CAMPAIGN; SPRING; 40; 0.06; 0.2;  ;       OVERDUE_RATIO_BALANCE ALERT PAUSE_CAMPAIGN",
      "CAMPAIGN; NONE;   40; 0.06; 0.2;  ;       ''",
      "PRODUCT; DRAWDOWN; 40; 0.04; 0.2; ;       OVERDUE_RATIO_BALANCE WARNING TIGHTEN_LIMITS",
      "CHANNEL; PARTNER;  40; 0.07; 0.2; ;       OVERDUE_RATIO_BALANCE ALERT TIGHTEN_LIMITS",
      "CHANNEL; WEB;      40; 0.02; 0.2; 0.05;   ''"})
  void oneLine(String dimension, String key, int loans, double byBalance, double byCount, Double jump,
      String expected) {
    List<String> lines = lines(dimension, key, loans, byBalance, byCount, jump);
    if (expected.isEmpty()) {
      assertThat(lines).isEmpty();
    } else {
      assertThat(lines).containsExactly(expected);
    }
  }

  @Test
  void aBookBreachingSeveralLinesGetsEachOfThem() {
    assertThat(lines("TOTAL", "ALL", 1000, 0.06, 0.04, 0.02)).containsExactly(
        "OVERDUE_RATIO_BALANCE ALERT TIGHTEN_LIMITS", "OVERDUE_RATIO_COUNT WARNING TIGHTEN_LIMITS",
        "ROLL_RATE_JUMP ALERT RAISE_CUTOFF");
  }

  @AfterAll
  static void everyRuleIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
