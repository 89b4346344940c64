package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.origination.decisions.OriginationDecisions.Assessment;
import io.creditflow.origination.decisions.OriginationDecisions.Checks;
import org.junit.jupiter.api.Test;

/**
 * The sandbox personas through the whole chain, as the origination process runs it: scorecard (sum of the
 * points), risk grade, credit decision. Each table's own test class checks its rule coverage.
 */
class SandboxPersonasTest {

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();

  @Test
  void primeIsApprovedAutomatically() {
    Assessment assessment = DECISIONS.assess(Applicant.prime(), Checks.clean(0.083));

    assertThat(assessment.scorecard().total()).isEqualTo(825);
    assertThat(assessment.grade().grade()).isEqualTo("A");
    assertThat(assessment.decision().outcome()).isEqualTo("AUTO_APPROVE");
    assertThat(assessment.decision().reasonCode()).isEqualTo("APPROVED");
  }

  @Test
  void nearPrimeIsReferred() {
    Applicant nearPrime = Applicant.nearPrime();
    Assessment assessment = DECISIONS.assess(nearPrime, Checks.clean(nearPrime.debtToIncome()));

    // 160 + 60 + 55 + 110 + 75 + 70 + 35 + 20
    assertThat(assessment.scorecard().total()).isEqualTo(585);
    assertThat(assessment.grade().grade()).isEqualTo("C");
    assertThat(assessment.decision().outcome()).isEqualTo("REFER");
    assertThat(assessment.decision().reasonCode()).isEqualTo("REFER_MANUAL_REVIEW");
    assertThat(assessment.scorecard().row("DELINQUENCY").reasonCode()).isEqualTo("R_DELINQUENCY");
  }

  @Test
  void nearPrimeWithAStrongerProfileIsStillReferredBecauseOfTheMissedPayment() {
    Applicant strong = new Applicant(660, false, 1, 40000, 0.05, 120, 45, 0, true);
    Assessment assessment = DECISIONS.assess(strong, Checks.clean(strong.debtToIncome()));

    assertThat(assessment.grade().grade()).isIn("A", "B");
    assertThat(assessment.decision().reasonCode()).isEqualTo("REFER_MANUAL_REVIEW");
  }

  @Test
  void thinFileIsReferred() {
    Applicant thin = Applicant.thinFileApplicant();
    Assessment assessment = DECISIONS.assess(thin, Checks.clean(thin.debtToIncome()));

    // 40 + 120 + 55 + 150 + 45 + 40 + 50 + 20
    assertThat(assessment.scorecard().total()).isEqualTo(520);
    assertThat(assessment.grade().grade()).isEqualTo("D");
    assertThat(assessment.decision().outcome()).isEqualTo("REFER");
    assertThat(assessment.decision().reasonCode()).isEqualTo("REFER_THIN_FILE");
  }

  @Test
  void bankruptIsDeclined() {
    Assessment assessment = DECISIONS.assess(Applicant.prime(), new Checks(false, true, false, 0.083));

    assertThat(assessment.decision().outcome()).isEqualTo("DECLINE");
    assertThat(assessment.decision().reasonCode()).isEqualTo("KO_BANKRUPTCY");
  }

  @Test
  void fraudIsDeclined() {
    Assessment assessment = DECISIONS.assess(Applicant.prime(), new Checks(true, false, false, 0.083));

    assertThat(assessment.decision().outcome()).isEqualTo("DECLINE");
    assertThat(assessment.decision().reasonCode()).isEqualTo("KO_FRAUD_ALERT");
  }

  @Test
  void debtToIncomeOf60PercentIsDeclined() {
    Applicant indebted = Applicant.prime().withDebtToIncome(0.6);
    Assessment assessment = DECISIONS.assess(indebted, Checks.clean(indebted.debtToIncome()));

    assertThat(assessment.scorecard().row("DEBT_TO_INCOME").points()).isZero();
    assertThat(assessment.decision().outcome()).isEqualTo("DECLINE");
    assertThat(assessment.decision().reasonCode()).isEqualTo("KO_DEBT_TO_INCOME");
  }

  @Test
  void prohibitedPurposeIsDeclined() {
    Assessment assessment = DECISIONS.assess(Applicant.prime(), new Checks(false, false, true, 0.083));

    assertThat(assessment.decision().outcome()).isEqualTo("DECLINE");
    assertThat(assessment.decision().reasonCode()).isEqualTo("KO_PROHIBITED_PURPOSE");
  }
}
