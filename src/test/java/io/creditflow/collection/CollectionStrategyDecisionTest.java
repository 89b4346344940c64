package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/collection/collection-strategy.dmn}: hit policy FIRST, every rule matched. */
class CollectionStrategyDecisionTest {

  private static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest("collectionStrategy",
      Path.of("processes/collection/collection-strategy.dmn"));

  @ParameterizedTest(name = "grade {0}, behaviour {1}, dpd {2}, overdue {3}, cures {4} -> {5}")
  @CsvSource({
      "D, 990,  1,   1000.0, 0, INTENSIVE",
      "E, 990,  1,   1000.0, 0, INTENSIVE",
      "A, 990,  1,   1000.0, 2, INTENSIVE",
      "B, 499,  4,   1000.0, 0, INTENSIVE",
      "C, 900,  4,  20000.0, 0, INTENSIVE",
      "A, 990, 11,   1000.0, 0, STANDARD",
      "A, 800, 10,  19999.99, 0, GENTLE",
      "B, 990,  1,   1000.0, 0, GENTLE",
      "B, 799,  1,   1000.0, 0, STANDARD",
      "A, 990,  1,   1000.0, 1, STANDARD",
      "C, 990,  1,   1000.0, 0, STANDARD",
      "C, 500,  1,   1000.0, 1, STANDARD"})
  void choosesTheStrategy(String grade, int behaviour, int dpd, double overdue, int cures, String strategy) {
    assertThat((String) TABLE.evaluate(Variables.createVariables().putValue("riskGrade", grade)
        .putValue("behaviourScore", behaviour).putValue("daysPastDue", dpd).putValue("overdueAmount", overdue)
        .putValue("earlierCures", cures)).getSingleEntry()).isEqualTo(strategy);
  }

  @Test
  void firstMatchWins() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
