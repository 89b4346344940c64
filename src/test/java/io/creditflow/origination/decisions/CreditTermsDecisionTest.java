package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.creditflow.origination.decisions.OriginationDecisions.Terms;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code processes/origination/credit-terms.dmn}: hit policy UNIQUE, grade and income band to the offer limits. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditTermsDecisionTest {

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();
  private static final OriginationDecisions SWEEP = new OriginationDecisions();
  private static final List<String> GRADES_BEST_FIRST = List.of("A", "B", "C", "D", "E");

  @ParameterizedTest(name = "grade {0}, income {1} -> limit {2}, {3} months, rate {4}")
  @CsvSource({
      "A, 20000,    500000, 36, 0.0650, 0.0550, 0.50",
      "A, 19999.99, 300000, 36, 0.0680, 0.0550, 0.50",
      "B, 20000,    300000, 36, 0.0890, 0.0750, 0.45",
      "B, 19999.99, 150000, 24, 0.0920, 0.0750, 0.45",
      "C, 20000,    150000, 24, 0.1290, 0.1100, 0.40",
      "C, 19999.99, 80000,  18, 0.1350, 0.1100, 0.40",
      "D, 20000,    30000,  12, 0.1790, 0.1600, 0.35",
      "D, 0,        30000,  12, 0.1790, 0.1600, 0.35",
      "E, 20000,    0,      0,  0.2400, 0.2400, 0",
      "E, 0,        0,      0,  0.2400, 0.2400, 0"})
  void termsMatrix(String grade, double monthlyIncome, double maxLimit, int maxTermMonths, double annualRate,
                   double minAnnualRate, double maxDebtToIncome) {
    assertThat(DECISIONS.creditTerms(grade, monthlyIncome))
        .isEqualTo(new Terms(maxLimit, maxTermMonths, annualRate, minAnnualRate, maxDebtToIncome));
  }

  @Test
  void primeApplicantGetsTheGradeATermsOfTheLowerIncomeBand() {
    Applicant prime = Applicant.prime();
    String grade = DECISIONS.riskGrade(DECISIONS.scorecard(prime).total()).grade();

    assertThat(DECISIONS.creditTerms(grade, prime.monthlyIncome()))
        .isEqualTo(new Terms(300000.0, 36, 0.0680, 0.0550, 0.50));
  }

  /** For each income band, a weaker grade gets no higher limit, no longer term and a strictly higher rate. */
  @ParameterizedTest(name = "monthly income {0}")
  @ValueSource(doubles = {0, 8000, 19999.99, 20000, 150000})
  void weakerGradeGetsLessCreditAtAHigherRate(double monthlyIncome) {
    List<Terms> terms = GRADES_BEST_FIRST.stream().map(grade -> SWEEP.creditTerms(grade, monthlyIncome)).toList();

    assertThat(terms).extracting(Terms::maxLimit).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(terms).extracting(Terms::maxTermMonths).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(terms).extracting(Terms::maxDebtToIncome).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    for (int i = 1; i < terms.size(); i++) {
      assertThat(terms.get(i).annualRate()).as("rate of %s", GRADES_BEST_FIRST.get(i))
          .isGreaterThan(terms.get(i - 1).annualRate());
      assertThat(terms.get(i).minAnnualRate()).as("rate floor of %s", GRADES_BEST_FIRST.get(i))
          .isGreaterThan(terms.get(i - 1).minAnnualRate());
    }
    assertThat(terms).allSatisfy(t -> assertThat(t.minAnnualRate()).isLessThanOrEqualTo(t.annualRate()));
  }

  @Test
  void higherIncomeNeverGetsWorseTermsWithinAGrade() {
    for (String grade : GRADES_BEST_FIRST) {
      Terms low = SWEEP.creditTerms(grade, 19999.99);
      Terms high = SWEEP.creditTerms(grade, 20000);

      assertThat(high.maxLimit()).as(grade).isGreaterThanOrEqualTo(low.maxLimit());
      assertThat(high.maxTermMonths()).as(grade).isGreaterThanOrEqualTo(low.maxTermMonths());
      assertThat(high.annualRate()).as(grade).isLessThanOrEqualTo(low.annualRate());
    }
  }

  /** Hit policy UNIQUE fails on two matches; every grade with any income gets exactly one row. */
  @Test
  void everyGradeAndIncomeGetsExactlyOneRow() {
    double[] incomes = {-1, 0, Math.nextDown(20000.0), 20000, Math.nextUp(20000.0), 1e9};
    for (String grade : GRADES_BEST_FIRST) {
      for (double income : incomes) {
        assertThat(SWEEP.evaluate(DecisionFile.CREDIT_TERMS,
                Variables.putValue("grade", grade).putValue("monthlyIncome", income)).getResultList())
            .as("grade %s, income %s", grade, income).hasSize(1);
      }
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    DECISIONS.coverage().assertEveryRuleMatched(DecisionFile.CREDIT_TERMS);
  }
}
