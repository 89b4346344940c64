package io.creditflow.origination.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The origination decision tables on a standalone DMN engine (defaults of Camunda 7.24: FEEL everywhere), parsed
 * from {@code processes/origination/}, with a {@link RuleCoverage} listener that records the matched rules.
 *
 * <p>Each test class keeps its own instance, so coverage counts the tests of that class only. Sweeps that try
 * thousands of inputs (to prove a table complete) use a second instance whose coverage is not checked; otherwise
 * they would "cover" a new rule that no test asserts.
 */
final class OriginationDecisions {

  private final RuleCoverage coverage = new RuleCoverage();
  private final Map<DecisionFile, DmnDecision> decisions = new EnumMap<>(DecisionFile.class);
  private final DmnEngine engine;

  OriginationDecisions() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(coverage));
    engine = configuration.buildEngine();
    for (DecisionFile file : DecisionFile.values()) {
      try (InputStream in = Files.newInputStream(file.path())) {
        decisions.put(file, engine.parseDecision(file.decisionId(), in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  RuleCoverage coverage() {
    return coverage;
  }

  DmnDecision decision(DecisionFile file) {
    return decisions.get(file);
  }

  DmnDecisionResult evaluate(DecisionFile file, VariableMap variables) {
    return engine.evaluateDecision(decisions.get(file), variables);
  }

  // --- the tables with typed inputs and results ----------------------------------------------------------

  Scorecard scorecard(Applicant applicant) {
    List<Scorecard.Row> rows = evaluate(DecisionFile.SCORECARD, applicant.toVariables()).getResultList().stream()
        .map(entries -> new Scorecard.Row(
            (String) entries.get("characteristic"),
            (Integer) entries.get("points"),
            (Integer) entries.get("maxPoints"),
            (String) entries.get("reasonCode"),
            (String) entries.get("reasonText")))
        .toList();
    return new Scorecard(rows);
  }

  Grade riskGrade(int score) {
    var entries = evaluate(DecisionFile.RISK_GRADE, Variables.putValue("score", score)).getSingleResult();
    return new Grade(entries.getEntry("grade"), entries.getEntry("gradeDescription"));
  }

  CreditDecision creditDecision(Checks checks, String grade, boolean thinFile, int delinquencies12m) {
    VariableMap variables = Variables.createVariables()
        .putValue("fraudAlert", checks.fraudAlert())
        .putValue("bankruptcy", checks.bankruptcy())
        .putValue("prohibitedPurpose", checks.prohibitedPurpose())
        .putValue("debtToIncome", checks.debtToIncome())
        .putValue("grade", grade)
        .putValue("thinFile", thinFile)
        .putValue("delinquencies12m", delinquencies12m);
    var entries = evaluate(DecisionFile.CREDIT_DECISION, variables).getSingleResult();
    return new CreditDecision(entries.getEntry("outcome"), entries.getEntry("decisionReasonCode"),
        entries.getEntry("decisionReasonText"));
  }

  Terms creditTerms(String grade, double monthlyIncome) {
    var entries = evaluate(DecisionFile.CREDIT_TERMS,
        Variables.putValue("grade", grade).putValue("monthlyIncome", monthlyIncome)).getSingleResult();
    return new Terms(entries.getEntry("maxLimit"), entries.getEntry("maxTermMonths"), entries.getEntry("annualRate"),
        entries.getEntry("minAnnualRate"), entries.getEntry("maxDebtToIncome"));
  }

  /** The whole origination chain for an applicant: scorecard, risk grade, credit decision. */
  Assessment assess(Applicant applicant, Checks checks) {
    Scorecard scorecard = scorecard(applicant);
    Grade grade = riskGrade(scorecard.total());
    CreditDecision decision = creditDecision(checks, grade.grade(), applicant.thinFile(), applicant.delinquencies12m());
    return new Assessment(scorecard, grade, decision);
  }

  // --- value types ---------------------------------------------------------------------------------------

  /** Knock-out checks and the debt-to-income ratio that feed the credit decision. */
  record Checks(boolean fraudAlert, boolean bankruptcy, boolean prohibitedPurpose, double debtToIncome) {

    static Checks clean(double debtToIncome) {
      return new Checks(false, false, false, debtToIncome);
    }
  }

  record Grade(String grade, String description) {
  }

  record CreditDecision(String outcome, String reasonCode, String reasonText) {
  }

  record Terms(Double maxLimit, Integer maxTermMonths, Double annualRate, Double minAnnualRate, Double maxDebtToIncome) {
  }

  record Assessment(Scorecard scorecard, Grade grade, CreditDecision decision) {
  }
}
