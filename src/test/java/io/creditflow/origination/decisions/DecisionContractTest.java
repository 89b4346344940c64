package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decisions' interface is a contract with the origination process and its Java code: decision ids, hit
 * policies, input variables and output names with their types. This test fails on a rename, and on a rule
 * without id or description.
 */
class DecisionContractTest {

  @Test
  void everyOriginationDecisionFileIsTested() throws IOException {
    try (Stream<Path> files = Files.list(DecisionFile.FOLDER)) {
      assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".dmn")))
          .containsExactlyInAnyOrderElementsOf(Arrays.stream(DecisionFile.values()).map(DecisionFile::fileName).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(DecisionFile.class)
  void oneDecisionPerFileNamedAfterItsIdAsModelerWritesIt(DecisionFile file) {
    DmnModelInstance model = file.model();
    Definitions definitions = model.getDefinitions();

    assertThat(model.getDocument().getRootElement().getNamespaceURI()).isEqualTo(DmnModelConstants.DMN13_NS);
    assertThat(definitions.getExporter()).isEqualTo("Camunda Modeler");
    assertThat(definitions.getExporterVersion()).startsWith("5.");
    assertThat(model.getModelElementsByType(Decision.class)).singleElement().satisfies(decision -> {
      assertThat(decision.getId()).isEqualTo(file.decisionId());
      assertThat(kebabCase(decision.getId()) + ".dmn").isEqualTo(file.fileName());
      assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    });
    assertThat(model.getModelElementsByType(DecisionTable.class)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(DecisionFile.class)
  void everyRuleHasAReadableIdAndADescription(DecisionFile file) {
    assertThat(file.model().getModelElementsByType(Rule.class)).isNotEmpty().allSatisfy(rule -> {
      assertThat(rule.getId()).startsWith("Rule_");
      assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
    });
  }

  @Test
  void scorecard() {
    assertTable(DecisionFile.SCORECARD, HitPolicy.COLLECT,
        List.of(tuple("bureauScore", "integer"), tuple("thinFile", "boolean"), tuple("delinquencies12m", "integer"),
            tuple("monthlyIncome", "double"), tuple("debtToIncome", "double"), tuple("employmentMonths", "integer"),
            tuple("age", "integer"), tuple("dependants", "integer"), tuple("existingCustomer", "boolean")),
        List.of(tuple("characteristic", "string"), tuple("points", "integer"), tuple("maxPoints", "integer"),
            tuple("reasonCode", "string"), tuple("reasonText", "string")));
    assertThat(table(DecisionFile.SCORECARD).getAggregation()).as("COLLECT without aggregation").isNull();
  }

  @Test
  void riskGrade() {
    assertTable(DecisionFile.RISK_GRADE, HitPolicy.UNIQUE,
        List.of(tuple("score", "integer")),
        List.of(tuple("grade", "string"), tuple("gradeDescription", "string")));
  }

  @Test
  void creditDecision() {
    assertTable(DecisionFile.CREDIT_DECISION, HitPolicy.FIRST,
        List.of(tuple("fraudAlert", "boolean"), tuple("bankruptcy", "boolean"), tuple("prohibitedPurpose", "boolean"),
            tuple("debtToIncome", "double"), tuple("grade", "string"), tuple("thinFile", "boolean"),
            tuple("delinquencies12m", "integer")),
        List.of(tuple("outcome", "string"), tuple("decisionReasonCode", "string"),
            tuple("decisionReasonText", "string")));
  }

  @Test
  void creditTerms() {
    assertTable(DecisionFile.CREDIT_TERMS, HitPolicy.UNIQUE,
        List.of(tuple("grade", "string"), tuple("monthlyIncome", "double")),
        List.of(tuple("maxLimit", "double"), tuple("maxTermMonths", "integer"), tuple("annualRate", "double"),
            tuple("minAnnualRate", "double"), tuple("maxDebtToIncome", "double")));
  }

  @Test
  void promotions() {
    assertTable(DecisionFile.PROMOTIONS, HitPolicy.COLLECT,
        List.of(tuple("campaignCode", "string"), tuple("channel", "string"), tuple("grade", "string"),
            tuple("age", "integer")),
        List.of(tuple("promotionCode", "string"), tuple("rateDiscountBps", "integer"),
            tuple("interestFreeMonths", "integer"), tuple("couponCode", "string"),
            tuple("promotionDescription", "string")));
    assertThat(table(DecisionFile.PROMOTIONS).getAggregation()).isNull();
  }

  private static void assertTable(DecisionFile file, HitPolicy hitPolicy, List<org.assertj.core.groups.Tuple> inputs,
                                  List<org.assertj.core.groups.Tuple> outputs) {
    DecisionTable table = table(file);

    assertThat(table.getHitPolicy()).isEqualTo(hitPolicy);
    assertThat(table.getInputs())
        .extracting(input -> input.getInputExpression().getText().getTextContent(),
            input -> input.getInputExpression().getTypeRef())
        .containsExactlyElementsOf(inputs);
    assertThat(table.getOutputs()).extracting(Output::getName, Output::getTypeRef).containsExactlyElementsOf(outputs);
    assertThat(table.getInputs()).extracting(Input::getLabel).doesNotContainNull();
  }

  private static DecisionTable table(DecisionFile file) {
    return file.model().getModelElementsByType(DecisionTable.class).iterator().next();
  }

  private static String kebabCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
