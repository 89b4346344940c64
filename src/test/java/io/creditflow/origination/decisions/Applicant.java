package io.creditflow.origination.decisions;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The scorecard inputs of one applicant, with the sandbox personas. */
record Applicant(int bureauScore, boolean thinFile, int delinquencies12m, double monthlyIncome, double debtToIncome,
                 int employmentMonths, int age, int dependants, boolean existingCustomer) {

  /** PRIME: the worked example of the scorecard, 825 points. */
  static Applicant prime() {
    return new Applicant(820, false, 0, 18000, 0.083, 48, 36, 1, false);
  }

  /** NEAR-PRIME: bureau 660 and one missed payment, typical income. */
  static Applicant nearPrime() {
    return new Applicant(660, false, 1, 12000, 0.25, 30, 29, 2, false);
  }

  /** THIN-FILE: no bureau history (score sent as 0), young, typical income, no debts. */
  static Applicant thinFileApplicant() {
    return new Applicant(0, true, 0, 9000, 0.05, 14, 23, 0, false);
  }

  VariableMap toVariables() {
    return Variables.createVariables()
        .putValue("bureauScore", bureauScore)
        .putValue("thinFile", thinFile)
        .putValue("delinquencies12m", delinquencies12m)
        .putValue("monthlyIncome", monthlyIncome)
        .putValue("debtToIncome", debtToIncome)
        .putValue("employmentMonths", employmentMonths)
        .putValue("age", age)
        .putValue("dependants", dependants)
        .putValue("existingCustomer", existingCustomer);
  }

  Applicant withBureau(int score, boolean thin) {
    return new Applicant(score, thin, delinquencies12m, monthlyIncome, debtToIncome, employmentMonths, age,
        dependants, existingCustomer);
  }

  Applicant withDelinquencies(int value) {
    return new Applicant(bureauScore, thinFile, value, monthlyIncome, debtToIncome, employmentMonths, age,
        dependants, existingCustomer);
  }

  Applicant withMonthlyIncome(double value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, value, debtToIncome, employmentMonths, age,
        dependants, existingCustomer);
  }

  Applicant withDebtToIncome(double value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, monthlyIncome, value, employmentMonths, age,
        dependants, existingCustomer);
  }

  Applicant withEmploymentMonths(int value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, monthlyIncome, debtToIncome, value, age,
        dependants, existingCustomer);
  }

  Applicant withAge(int value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, monthlyIncome, debtToIncome, employmentMonths,
        value, dependants, existingCustomer);
  }

  Applicant withDependants(int value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, monthlyIncome, debtToIncome, employmentMonths, age,
        value, existingCustomer);
  }

  Applicant withExistingCustomer(boolean value) {
    return new Applicant(bureauScore, thinFile, delinquencies12m, monthlyIncome, debtToIncome, employmentMonths, age,
        dependants, value);
  }
}
