package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code processes/collection/collection-stages.dmn}: hit policy UNIQUE, every rule matched, each strategy's timeline,
 * and for every days past due the next stage's days past due is where the table's stage really changes.
 */
class CollectionStageDecisionTest {

  private static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest("collectionStage",
      Path.of("processes/collection/collection-stages.dmn"));

  private static DmnDecisionResultEntries stage(CollectionStrategy strategy, int dpd) {
    return TABLE.evaluate(Variables.createVariables().putValue("strategy", strategy.name())
        .putValue("daysPastDue", dpd)).getSingleResult();
  }

  @ParameterizedTest(name = "{0} at {1} days: {2}, next at {3}")
  @CsvSource({
      "GENTLE,    0, NONE,              3",
      "GENTLE,    2, NONE,              3",
      "GENTLE,    3, SMS_REMINDER,      7",
      "GENTLE,    7, EMAIL_REMINDER,    14",
      "GENTLE,   14, COLLECTOR_CALL,    45",
      "GENTLE,   45, SENIOR_ESCALATION, 75",
      "GENTLE,   75, DEMAND_LETTER,     90",
      "GENTLE,   90, LEGAL_HANDOVER,      ",
      "STANDARD,  0, NONE,              1",
      "STANDARD,  1, SMS_REMINDER,      3",
      "STANDARD,  3, EMAIL_REMINDER,    7",
      "STANDARD,  7, COLLECTOR_CALL,    30",
      "STANDARD, 29, COLLECTOR_CALL,    30",
      "STANDARD, 30, SENIOR_ESCALATION, 60",
      "STANDARD, 60, DEMAND_LETTER,     90",
      "STANDARD, 90, LEGAL_HANDOVER,      ",
      "STANDARD, 400, LEGAL_HANDOVER,     ",
      "INTENSIVE, 0, NONE,              1",
      "INTENSIVE, 1, SMS_REMINDER,      2",
      "INTENSIVE, 2, EMAIL_REMINDER,    4",
      "INTENSIVE, 4, COLLECTOR_CALL,    21",
      "INTENSIVE, 21, SENIOR_ESCALATION, 45",
      "INTENSIVE, 45, DEMAND_LETTER,    75",
      "INTENSIVE, 75, LEGAL_HANDOVER,     "})
  void timeline(CollectionStrategy strategy, int dpd, CollectionStage expected, Integer next) {
    DmnDecisionResultEntries result = stage(strategy, dpd);
    assertThat(CollectionStage.valueOf((String) result.getEntry("stage"))).isEqualTo(expected);
    assertThat(result.getEntry("nextStageDpd") == null ? null : ((Number) result.getEntry("nextStageDpd")).intValue())
        .isEqualTo(next);
  }

  @ParameterizedTest
  @EnumSource(CollectionStrategy.class)
  void stagesOnlyRiseAndNextStageDpdIsWhereTheStageChanges(CollectionStrategy strategy) {
    CollectionStage previous = CollectionStage.NONE;
    Integer announced = null;
    for (int dpd = 0; dpd <= 120; dpd++) {
      DmnDecisionResultEntries result = stage(strategy, dpd);
      CollectionStage current = CollectionStage.valueOf((String) result.getEntry("stage"));
      assertThat(current.ordinal()).as("%s at %d", strategy, dpd).isGreaterThanOrEqualTo(previous.ordinal());
      if (current != previous) {
        assertThat(announced).as("%s: next stage announced for %d", strategy, dpd).isEqualTo(dpd);
      } else if (dpd > 0) {
        assertThat(result.getEntry("nextStageDpd") == null ? null
            : ((Number) result.getEntry("nextStageDpd")).intValue()).isEqualTo(announced);
      }
      previous = current;
      announced = result.getEntry("nextStageDpd") == null ? null
          : ((Number) result.getEntry("nextStageDpd")).intValue();
    }
    assertThat(previous).isEqualTo(CollectionStage.LEGAL_HANDOVER);
  }

  @Test
  void exactlyOneRuleMatches() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
  }

  @AfterAll
  static void everyRuleIsCovered() {
    TABLE.assertEveryRuleMatched();
  }
}
