package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/origination/risk-grade.dmn}: hit policy UNIQUE, scorecard total to grade A-E. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskGradeDecisionTest {

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();
  private static final OriginationDecisions SWEEP = new OriginationDecisions();

  @ParameterizedTest(name = "score {0} -> {1}")
  @CsvSource({
      "900, A, Very low risk",
      "760, A, Very low risk",
      "759, B, Low risk",
      "680, B, Low risk",
      "679, C, Moderate risk",
      "580, C, Moderate risk",
      "579, D, High risk",
      "480, D, High risk",
      "479, E, Very high risk",
      "0,   E, Very high risk"})
  void gradeBands(int score, String grade, String description) {
    assertThat(DECISIONS.riskGrade(score)).isEqualTo(new OriginationDecisions.Grade(grade, description));
  }

  @Test
  void primeWorkedExampleOf825IsGradeA() {
    int score = DECISIONS.scorecard(Applicant.prime()).total();

    assertThat(score).isEqualTo(825);
    assertThat(DECISIONS.riskGrade(score).grade()).isEqualTo("A");
  }

  /** Hit policy UNIQUE: the engine fails on two matches; every possible score (and beyond) gets exactly one. */
  @Test
  void everyScoreGetsExactlyOneGradeAndGradesOnlyImproveWithScore() {
    assertThat(DECISIONS.decision(DecisionFile.RISK_GRADE)).isNotNull();
    assertThat(DecisionFile.RISK_GRADE.model().getModelElementsByType(DecisionTable.class))
        .singleElement().extracting(DecisionTable::getHitPolicy).isEqualTo(HitPolicy.UNIQUE);

    List<String> grades = new ArrayList<>();
    for (int score : IntStream.rangeClosed(-10, 1000).toArray()) {
      DmnDecisionResult result = SWEEP.evaluate(DecisionFile.RISK_GRADE, Variables.putValue("score", score));
      assertThat(result.getResultList()).as("score %d", score).hasSize(1);
      grades.add(result.getSingleResult().getEntry("grade"));
    }
    for (int score : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertThat(SWEEP.riskGrade(score).grade()).isIn("A", "E");
    }
    // Grade letters fall (A is best) as the score rises, so the list read from high score to low is sorted A..E.
    List<String> fromHighToLow = new ArrayList<>(grades);
    java.util.Collections.reverse(fromHighToLow);
    assertThat(fromHighToLow).isSorted().containsSubsequence("A", "B", "C", "D", "E");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    DECISIONS.coverage().assertEveryRuleMatched(DecisionFile.RISK_GRADE);
  }
}
