package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.origination.decisions.OriginationDecisions.Checks;
import io.creditflow.origination.decisions.OriginationDecisions.CreditDecision;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code processes/origination/credit-decision.dmn}: hit policy FIRST, knock-outs before referrals before approval.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditDecisionDecisionTest {

  private static final OriginationDecisions DECISIONS = new OriginationDecisions();
  private static final Checks CLEAN = Checks.clean(0.10);

  @Test
  void rowsAreInTheAgreedOrder() {
    assertThat(DecisionFile.CREDIT_DECISION.ruleIds()).containsExactly(
        "Rule_KO_FraudAlert", "Rule_KO_Bankruptcy", "Rule_KO_ProhibitedPurpose", "Rule_KO_DebtToIncome",
        "Rule_KO_LowScore", "Rule_Refer_ThinFile", "Rule_AutoApprove", "Rule_Refer_ManualReview");
  }

  @Test
  void fraudAlertDeclines() {
    assertThat(decide(new Checks(true, false, false, 0.10), "A", false, 0)).isEqualTo(new CreditDecision(
        "DECLINE", "KO_FRAUD_ALERT", "We could not verify the information provided."));
  }

  @Test
  void bankruptcyDeclines() {
    assertThat(decide(new Checks(false, true, false, 0.10), "A", false, 0)).isEqualTo(new CreditDecision(
        "DECLINE", "KO_BANKRUPTCY", "A bankruptcy is on public record."));
  }

  @Test
  void prohibitedPurposeDeclines() {
    assertThat(decide(new Checks(false, false, true, 0.10), "A", false, 0)).isEqualTo(new CreditDecision(
        "DECLINE", "KO_PROHIBITED_PURPOSE", "Consumer loans cannot be used for real estate or securities."));
  }

  @ParameterizedTest(name = "debt to income {0} -> {1}")
  @CsvSource({
      "0.60, KO_DEBT_TO_INCOME",
      "0.5501, KO_DEBT_TO_INCOME",
      "0.55, APPROVED",
      "0.5499, APPROVED"})
  void debtToIncomeAbove55PercentDeclines(double debtToIncome, String reasonCode) {
    CreditDecision decision = decide(Checks.clean(debtToIncome), "A", false, 0);

    assertThat(decision.reasonCode()).isEqualTo(reasonCode);
    if (reasonCode.equals("KO_DEBT_TO_INCOME")) {
      assertThat(decision).isEqualTo(new CreditDecision("DECLINE", "KO_DEBT_TO_INCOME",
          "Your existing debt payments are too high compared with your income."));
    }
  }

  @Test
  void gradeEDeclines() {
    assertThat(decide(CLEAN, "E", false, 0)).isEqualTo(new CreditDecision(
        "DECLINE", "KO_LOW_SCORE", "Your overall credit assessment is below our minimum."));
  }

  @Test
  void thinFileIsReferredWhateverTheGrade() {
    for (String grade : new String[] {"A", "B", "C", "D"}) {
      CreditDecision decision = decide(CLEAN, grade, true, 0);

      assertThat(decision.outcome()).as(grade).isEqualTo("REFER");
      assertThat(decision.reasonCode()).as(grade).isEqualTo("REFER_THIN_FILE");
      assertThat(decision.reasonText()).as(grade).isNotBlank();
    }
  }

  @ParameterizedTest(name = "grade {0}, {1} delinquencies -> {2} {3}")
  @CsvSource({
      "A, 0, AUTO_APPROVE, APPROVED",
      "B, 0, AUTO_APPROVE, APPROVED",
      "A, 1, REFER, REFER_MANUAL_REVIEW",
      "B, 3, REFER, REFER_MANUAL_REVIEW",
      "C, 0, REFER, REFER_MANUAL_REVIEW",
      "D, 0, REFER, REFER_MANUAL_REVIEW"})
  void approvalNeedsGradeAOrBAndACleanYear(String grade, int delinquencies, String outcome, String reasonCode) {
    CreditDecision decision = decide(CLEAN, grade, false, delinquencies);

    assertThat(decision.outcome()).isEqualTo(outcome);
    assertThat(decision.reasonCode()).isEqualTo(reasonCode);
    assertThat(decision.reasonText()).isEqualTo(outcome.equals("AUTO_APPROVE") ? "Approved."
        : "Your application needs a review by a credit officer.");
  }

  // --- hit policy FIRST: the earlier row wins -----------------------------------------------------------

  @Test
  void fraudAlertWinsOverBankruptcy() {
    assertThat(decide(new Checks(true, true, false, 0.10), "A", false, 0).reasonCode()).isEqualTo("KO_FRAUD_ALERT");
  }

  @Test
  void everyKnockOutWinsOverTheOnesBelowIt() {
    assertThat(decide(new Checks(true, true, true, 0.90), "E", true, 5).reasonCode()).isEqualTo("KO_FRAUD_ALERT");
    assertThat(decide(new Checks(false, true, true, 0.90), "E", true, 5).reasonCode()).isEqualTo("KO_BANKRUPTCY");
    assertThat(decide(new Checks(false, false, true, 0.90), "E", true, 5).reasonCode())
        .isEqualTo("KO_PROHIBITED_PURPOSE");
    assertThat(decide(Checks.clean(0.90), "E", true, 5).reasonCode()).isEqualTo("KO_DEBT_TO_INCOME");
  }

  @Test
  void gradeEIsDeclinedEvenWithAThinFile() {
    assertThat(decide(CLEAN, "E", true, 0).reasonCode()).isEqualTo("KO_LOW_SCORE");
  }

  @Test
  void thinFileWinsOverAutoApproval() {
    assertThat(decide(CLEAN, "A", true, 0).reasonCode()).isEqualTo("REFER_THIN_FILE");
  }

  @Test
  void missingKnockOutFlagsDoNotMatchAKnockOut() {
    VariableMap variables = Variables.createVariables()
        .putValue("fraudAlert", null).putValue("bankruptcy", null).putValue("prohibitedPurpose", null)
        .putValue("debtToIncome", 0.10).putValue("grade", "A").putValue("thinFile", false)
        .putValue("delinquencies12m", 0);

    assertThat(DECISIONS.evaluate(DecisionFile.CREDIT_DECISION, variables).getSingleResult()
        .<String>getEntry("decisionReasonCode")).isEqualTo("APPROVED");
  }

  @Test
  void lastRowMatchesAnythingSoThereIsAlwaysAnOutcome() {
    VariableMap allMissing = Variables.createVariables()
        .putValue("fraudAlert", null).putValue("bankruptcy", null).putValue("prohibitedPurpose", null)
        .putValue("debtToIncome", null).putValue("grade", null).putValue("thinFile", null)
        .putValue("delinquencies12m", null);

    assertThat(DECISIONS.evaluate(DecisionFile.CREDIT_DECISION, allMissing).getSingleResult()
        .<String>getEntry("decisionReasonCode")).isEqualTo("REFER_MANUAL_REVIEW");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    DECISIONS.coverage().assertEveryRuleMatched(DecisionFile.CREDIT_DECISION);
  }

  private static CreditDecision decide(Checks checks, String grade, boolean thinFile, int delinquencies12m) {
    return DECISIONS.creditDecision(checks, grade, thinFile, delinquencies12m);
  }
}
