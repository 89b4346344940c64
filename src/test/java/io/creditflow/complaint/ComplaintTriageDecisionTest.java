package io.creditflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/complaint/complaint-triage.dmn: every category and severity, and the collection hold. */
class ComplaintTriageDecisionTest {

  static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest("complaintTriage",
      Path.of("processes/complaint/complaint-triage.dmn"));

  @ParameterizedTest
  @CsvSource({
      "FRAUD, LOW, false, complaint-managers, 90, true",
      "FRAUD, HIGH, false, complaint-managers, 90, true",
      "DATA_PRIVACY, HIGH, false, complaint-managers, 80, false",
      "DATA_PRIVACY, MEDIUM, false, complaint-handlers, 50, false",
      "COLLECTION_CONDUCT, HIGH, false, complaint-managers, 80, true",
      "COLLECTION_CONDUCT, MEDIUM, false, complaint-handlers, 60, true",
      "COLLECTION_CONDUCT, LOW, true, complaint-handlers, 60, true",
      "FEES_AND_CHARGES, MEDIUM, true, complaint-handlers, 60, true",
      "FEES_AND_CHARGES, MEDIUM, false, complaint-handlers, 50, false",
      "FEES_AND_CHARGES, HIGH, false, complaint-handlers, 70, false",
      "CREDIT_DECISION, LOW, false, complaint-handlers, 50, false",
      "SERVICE, HIGH, false, complaint-handlers, 70, false",
      "SERVICE, LOW, false, complaint-handlers, 50, false",
      "OTHER, MEDIUM, false, complaint-handlers, 50, false",
      "OTHER, HIGH, true, complaint-handlers, 60, true",
  })
  void triage(String category, String severity, boolean disputesDebt, String group, int priority, boolean hold) {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    DmnDecisionResultEntries row = TABLE.evaluate(Variables.createVariables().putValue("category", category)
        .putValue("severity", severity).putValue("disputesDebt", disputesDebt)).getSingleResult();
    assertThat((String) row.getEntry("handlingGroup")).isEqualTo(group);
    assertThat(((Number) row.getEntry("taskPriority")).intValue()).isEqualTo(priority);
    assertThat((Boolean) row.getEntry("holdCollection")).isEqualTo(hold);
  }

  @AfterAll
  static void everyRuleMatched() {
    TABLE.assertEveryRuleMatched();
  }
}
