package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/origination/scorecard.dmn}: hit policy COLLECT, one row per characteristic, at most 900 points. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScorecardDecisionTest {

  /** Band edges as the spec gives them (first value of each band); the sweeps probe on both sides. */
  private static final int[] BUREAU_EDGES = {600, 660, 720, 780};
  private static final int[] DELINQUENCY_EDGES = {0, 1, 2};
  private static final int[] EMPLOYMENT_EDGES = {12, 24, 60};
  private static final int[] AGE_EDGES = {18, 25, 35, 55};
  private static final int[] DEPENDANTS_EDGES = {0, 1, 2, 3, 4};
  private static final double[] INCOME_EDGES = {4000, 8000, 15000, 30000};
  private static final double[] DEBT_TO_INCOME_EDGES = {0.20, 0.35, 0.50};

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();
  /** For the sweeps only: its coverage is not checked (see {@link OriginationDecisions}). */
  private static final OriginationDecisions SWEEP = new OriginationDecisions();

  @Test
  void primeWorkedExampleScores825() {
    Scorecard scorecard = DECISIONS.scorecard(Applicant.prime());

    assertThat(scorecard.rows()).extracting(Scorecard.Row::characteristic, Scorecard.Row::points)
        .containsExactlyInAnyOrder(
            tuple("BUREAU_SCORE", 250),
            tuple("DELINQUENCY", 120),
            tuple("INCOME", 80),
            tuple("DEBT_TO_INCOME", 150),
            tuple("EMPLOYMENT", 75),
            tuple("AGE", 80),
            tuple("DEPENDANTS", 50),
            tuple("RELATIONSHIP", 20));
    assertThat(scorecard.total()).isEqualTo(825);
    assertThat(scorecard.maxTotal()).isEqualTo(Scorecard.MAX_TOTAL);
  }

  @Test
  void bestPossibleApplicantScoresTheMaximumOf900WithoutReasons() {
    Applicant best = new Applicant(850, false, 0, 50000, 0.0, 120, 40, 0, true);

    Scorecard scorecard = DECISIONS.scorecard(best);

    assertThat(scorecard.total()).isEqualTo(900);
    assertThat(scorecard.rows()).allSatisfy(row -> {
      assertThat(row.reasonCode()).isEmpty();
      assertThat(row.reasonText()).isEmpty();
    });
  }

  @Test
  void reasonsNameWhatLoweredThePrimeScore() {
    Scorecard scorecard = DECISIONS.scorecard(Applicant.prime());

    assertThat(scorecard.rows()).filteredOn(row -> !row.reasonCode().isEmpty())
        .extracting(Scorecard.Row::reasonCode, Scorecard.Row::reasonText)
        .containsExactlyInAnyOrder(
            tuple("R_INCOME", "Your monthly income is low for the amount requested."),
            tuple("R_EMPLOYMENT",
                "You have been in your current employment for a short time."),
            tuple("R_RELATIONSHIP", "You do not yet have a repayment history with us."));
  }

  @ParameterizedTest(name = "bureau {0}, thin file {1} -> {2} points, {3}")
  @CsvSource(nullValues = "NONE", value = {
      "0,    true,  40,  R_THIN_FILE",
      "820,  true,  40,  R_THIN_FILE",
      "900,  false, 250, ''",
      "780,  false, 250, ''",
      "779,  false, 210, R_BUREAU_SCORE",
      "720,  false, 210, R_BUREAU_SCORE",
      "719,  false, 160, R_BUREAU_SCORE",
      "660,  false, 160, R_BUREAU_SCORE",
      "659,  false, 110, R_BUREAU_SCORE",
      "600,  false, 110, R_BUREAU_SCORE",
      "599,  false, 50,  R_BUREAU_SCORE",
      "0,    false, 50,  R_BUREAU_SCORE"})
  void bureauScoreBands(int bureauScore, boolean thinFile, int points, String reasonCode) {
    assertRow(Applicant.prime().withBureau(bureauScore, thinFile), "BUREAU_SCORE", points, 250, reasonCode);
  }

  @Test
  void thinFileReasonSaysThereIsLittleCreditHistory() {
    Scorecard.Row row = DECISIONS.scorecard(Applicant.thinFileApplicant()).row("BUREAU_SCORE");

    assertThat(row.reasonText()).isEqualTo("You have little or no credit history.");
  }

  @ParameterizedTest(name = "{0} delinquencies -> {1} points")
  @CsvSource({
      "0,  120, ''",
      "1,  60,  R_DELINQUENCY",
      "2,  0,   R_DELINQUENCY",
      "12, 0,   R_DELINQUENCY"})
  void delinquencyBands(int delinquencies, int points, String reasonCode) {
    assertRow(Applicant.prime().withDelinquencies(delinquencies), "DELINQUENCY", points, 120, reasonCode);
  }

  @ParameterizedTest(name = "monthly income {0} -> {1} points")
  @CsvSource({
      "120000,   100, ''",
      "30000,    100, ''",
      "29999.99, 80,  R_INCOME",
      "15000,    80,  R_INCOME",
      "14999.99, 55,  R_INCOME",
      "8000,     55,  R_INCOME",
      "7999.99,  30,  R_INCOME",
      "4000,     30,  R_INCOME",
      "3999.99,  10,  R_INCOME",
      "0,        10,  R_INCOME"})
  void incomeBands(double monthlyIncome, int points, String reasonCode) {
    assertRow(Applicant.prime().withMonthlyIncome(monthlyIncome), "INCOME", points, 100, reasonCode);
  }

  @ParameterizedTest(name = "debt to income {0} -> {1} points")
  @CsvSource({
      "0,      150, ''",
      "0.083,  150, ''",
      "0.1999, 150, ''",
      "0.20,   110, R_DEBT_TO_INCOME",
      "0.3499, 110, R_DEBT_TO_INCOME",
      "0.35,   60,  R_DEBT_TO_INCOME",
      "0.4999, 60,  R_DEBT_TO_INCOME",
      "0.50,   0,   R_DEBT_TO_INCOME",
      "1.2,    0,   R_DEBT_TO_INCOME"})
  void debtToIncomeBands(double debtToIncome, int points, String reasonCode) {
    assertRow(Applicant.prime().withDebtToIncome(debtToIncome), "DEBT_TO_INCOME", points, 150, reasonCode);
  }

  @Test
  void debtToIncomeEdgesHoldForComputedRatios() {
    // Debt payments / income as the process computes it: 3500 / 10000 is the double 0.35 and starts the 35% band.
    assertRow(Applicant.prime().withDebtToIncome(3500.0 / 10000.0), "DEBT_TO_INCOME", 60, 150, "R_DEBT_TO_INCOME");
    assertRow(Applicant.prime().withDebtToIncome(Math.nextDown(0.35)), "DEBT_TO_INCOME", 110, 150, "R_DEBT_TO_INCOME");
    assertRow(Applicant.prime().withDebtToIncome(2000.0 / 10000.0), "DEBT_TO_INCOME", 110, 150, "R_DEBT_TO_INCOME");
  }

  @ParameterizedTest(name = "{0} months employed -> {1} points")
  @CsvSource({
      "240, 100, ''",
      "60,  100, ''",
      "59,  75,  R_EMPLOYMENT",
      "24,  75,  R_EMPLOYMENT",
      "23,  45,  R_EMPLOYMENT",
      "12,  45,  R_EMPLOYMENT",
      "11,  15,  R_EMPLOYMENT",
      "0,   15,  R_EMPLOYMENT"})
  void employmentBands(int employmentMonths, int points, String reasonCode) {
    assertRow(Applicant.prime().withEmploymentMonths(employmentMonths), "EMPLOYMENT", points, 100, reasonCode);
  }

  @ParameterizedTest(name = "age {0} -> {1} points")
  @CsvSource({
      "17, 0,  R_AGE",
      "18, 40, R_AGE",
      "24, 40, R_AGE",
      "25, 70, R_AGE",
      "34, 70, R_AGE",
      "35, 80, ''",
      "54, 80, ''",
      "55, 60, R_AGE",
      "90, 60, R_AGE"})
  void ageBands(int age, int points, String reasonCode) {
    assertRow(Applicant.prime().withAge(age), "AGE", points, 80, reasonCode);
  }

  @ParameterizedTest(name = "{0} dependants -> {1} points")
  @CsvSource({
      "0, 50, ''",
      "1, 50, ''",
      "2, 35, R_DEPENDANTS",
      "3, 35, R_DEPENDANTS",
      "4, 15, R_DEPENDANTS",
      "9, 15, R_DEPENDANTS"})
  void dependantsBands(int dependants, int points, String reasonCode) {
    assertRow(Applicant.prime().withDependants(dependants), "DEPENDANTS", points, 50, reasonCode);
  }

  @ParameterizedTest(name = "existing customer {0} -> {1} points")
  @CsvSource({
      "true,  50, ''",
      "false, 20, R_RELATIONSHIP"})
  void relationshipBands(boolean existingCustomer, int points, String reasonCode) {
    assertRow(Applicant.prime().withExistingCustomer(existingCustomer), "RELATIONSHIP", points, 50, reasonCode);
  }

  /**
   * Bands are exhaustive and mutually exclusive: on both sides of every band edge and at the extremes (values
   * that cannot occur, such as negative counts, included), every characteristic gives exactly one row, and a
   * reason is given exactly when the row gives less than full points. Doubles are probed with the neighbouring
   * doubles of each edge ({@link Math#nextDown}, {@link Math#nextUp}).
   */
  @Test
  void everyInputValueGivesExactlyOneRowPerCharacteristic() {
    Applicant base = Applicant.prime();
    List<Applicant> applicants = new ArrayList<>();
    for (int score : probes(BUREAU_EDGES)) {
      applicants.add(base.withBureau(score, false));
      applicants.add(base.withBureau(score, true));
    }
    probes(DELINQUENCY_EDGES).forEach(value -> applicants.add(base.withDelinquencies(value)));
    probes(EMPLOYMENT_EDGES).forEach(value -> applicants.add(base.withEmploymentMonths(value)));
    probes(AGE_EDGES).forEach(value -> applicants.add(base.withAge(value)));
    probes(DEPENDANTS_EDGES).forEach(value -> applicants.add(base.withDependants(value)));
    probes(INCOME_EDGES).forEach(value -> applicants.add(base.withMonthlyIncome(value)));
    probes(DEBT_TO_INCOME_EDGES).forEach(value -> applicants.add(base.withDebtToIncome(value)));
    applicants.add(base.withExistingCustomer(true));
    applicants.add(base.withExistingCustomer(false));

    for (Applicant applicant : applicants) {
      Scorecard scorecard = SWEEP.scorecard(applicant);

      assertThat(scorecard.rows()).as("%s", applicant)
          .extracting(Scorecard.Row::characteristic)
          .containsExactlyInAnyOrderElementsOf(Scorecard.CHARACTERISTICS);
      assertThat(scorecard.maxTotal()).as("%s", applicant).isEqualTo(Scorecard.MAX_TOTAL);
      assertThat(scorecard.total()).as("%s", applicant).isBetween(0, Scorecard.MAX_TOTAL);
      assertThat(scorecard.rows()).as("%s", applicant).allSatisfy(row -> {
        assertThat(row.points()).isBetween(0, row.maxPoints());
        boolean full = row.points().equals(row.maxPoints());
        assertThat(row.reasonCode().isEmpty()).as("reason code of %s", row).isEqualTo(full);
        assertThat(row.reasonText().isEmpty()).as("reason text of %s", row).isEqualTo(full);
      });
    }
  }

  @Test
  void pointsNeverRiseAsARiskGetsWorse() {
    Applicant base = Applicant.prime();
    assertBestToWorst("BUREAU_SCORE", reversed(probes(BUREAU_EDGES)).stream().map(s -> base.withBureau(s, false)));
    assertBestToWorst("DELINQUENCY", probes(DELINQUENCY_EDGES).stream().map(base::withDelinquencies));
    assertBestToWorst("DEPENDANTS", probes(DEPENDANTS_EDGES).stream().map(base::withDependants));
    assertBestToWorst("EMPLOYMENT", reversed(probes(EMPLOYMENT_EDGES)).stream().map(base::withEmploymentMonths));
    assertBestToWorst("DEBT_TO_INCOME", probes(DEBT_TO_INCOME_EDGES).stream().map(base::withDebtToIncome));
    assertBestToWorst("INCOME", reversed(probes(INCOME_EDGES)).stream().map(base::withMonthlyIncome));
  }

  @Test
  void thinFileIsWorthLessThanAnyScoredBureauBand() {
    int thin = DECISIONS.scorecard(Applicant.prime().withBureau(0, true)).row("BUREAU_SCORE").points();
    int lowestScored = DECISIONS.scorecard(Applicant.prime().withBureau(300, false)).row("BUREAU_SCORE").points();

    assertThat(thin).isLessThan(lowestScored);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    DECISIONS.coverage().assertEveryRuleMatched(DecisionFile.SCORECARD);
  }

  private static void assertRow(Applicant applicant, String characteristic, int points, int maxPoints,
                                String reasonCode) {
    Scorecard scorecard = DECISIONS.scorecard(applicant);

    assertThat(scorecard.rows()).hasSize(Scorecard.CHARACTERISTICS.size());
    Scorecard.Row row = scorecard.row(characteristic);
    assertThat(row.points()).as("points").isEqualTo(points);
    assertThat(row.maxPoints()).as("maxPoints").isEqualTo(maxPoints);
    assertThat(row.reasonCode()).as("reasonCode").isEqualTo(reasonCode);
    if (reasonCode.isEmpty()) {
      assertThat(row.reasonText()).as("reasonText").isEmpty();
    } else {
      assertThat(row.reasonText()).as("reasonText").isNotBlank().endsWith(".");
    }
  }

  private static void assertBestToWorst(String characteristic, Stream<Applicant> fromBestToWorst) {
    List<Integer> points = fromBestToWorst
        .map(applicant -> SWEEP.scorecard(applicant).row(characteristic).points())
        .toList();
    assertThat(points).as(characteristic).isSortedAccordingTo(Comparator.reverseOrder());
  }

  /** Sorted probe values: the extremes, and each edge with its neighbours. */
  private static List<Integer> probes(int[] edges) {
    TreeSet<Integer> values = new TreeSet<>(List.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE));
    for (int edge : edges) {
      values.addAll(List.of(edge - 1, edge, edge + 1));
    }
    return List.copyOf(values);
  }

  private static List<Double> probes(double[] edges) {
    TreeSet<Double> values = new TreeSet<>(List.of(-1.0, 0.0, 1e12));
    for (double edge : edges) {
      values.addAll(List.of(Math.nextDown(edge), edge, Math.nextUp(edge)));
    }
    return List.copyOf(values);
  }

  private static <T> List<T> reversed(List<T> values) {
    List<T> copy = new ArrayList<>(values);
    Collections.reverse(copy);
    return copy;
  }
}
