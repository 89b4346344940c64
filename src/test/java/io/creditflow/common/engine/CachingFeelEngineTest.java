package io.creditflow.common.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.support.CreditFlowWebTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CachingFeelEngineTest {

  private final CachingFeelEngine caching = new CachingFeelEngine(List.of());
  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

  @Test
  void theScorecardGivesTheSameRowsAsCamundasEngineAndParsesEachExpressionOnce() throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> caching);
    DmnEngine cached = configuration.buildEngine();
    DmnDecision decisionPlain = parse(plain);
    DmnDecision decisionCached = parse(cached);

    List<VariableMap> applicants = List.of(
        applicant(820, false, 0, 18000.0, 0.08, 48, 34, 1, false),
        applicant(560, false, 3, 6000.0, 0.55, 3, 19, 4, true),
        applicant(0, true, 0, 9000.0, 0.30, 12, 70, 0, false));
    for (VariableMap applicant : applicants) {
      List<Map<String, Object>> expected = plain.evaluateDecision(decisionPlain, applicant).getResultList();
      assertThat(cached.evaluateDecision(decisionCached, applicant).getResultList()).isEqualTo(expected)
          .isNotEmpty();
    }
    int parsed = caching.cached();
    assertThat(parsed).isPositive();
    cached.evaluateDecision(decisionCached, applicants.get(0));
    assertThat(caching.cached()).isEqualTo(parsed);
  }

  @Test
  void unaryTestsAndExpressionsAnswerAsCamundasEngine() {
    var variables = Variables.createVariables().putValue("x", 7).putValue("grade", "B").asVariableContext();
    for (String test : List.of("< 10", "[5..7]", "> 7", "not(7)", "1, 7, 9", "-")) {
      assertThat(caching.evaluateSimpleUnaryTests(test, "x", variables)).as(test)
          .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "x", variables));
    }
    // built-in functions come from the function provider built once (CachingFeelEngine.evaluate)
    for (String expression : List.of("x * 2", "\"R_INCOME\"", "grade = \"B\"", "if x > 5 then 1 else 0",
        "string length(grade) + sum([1, 2, x])", "date(\"2027-01-31\") + duration(\"P1M\")",
        "upper case(grade) = \"B\" and odd(x)")) {
      Object expected = camunda.evaluateSimpleExpression(expression, variables);
      assertThat((Object) caching.evaluateSimpleExpression(expression, variables)).as(expression).isEqualTo(expected);
    }
  }

  @Test
  void failuresAreReportedAsCamundasEngineReportsThem() {
    var variables = Variables.createVariables().putValue("x", 7).asVariableContext();
    // parse failures
    assertThatThrownBy(() -> caching.evaluateSimpleExpression("x +* (", variables)).isInstanceOf(FeelException.class);
    assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests("[1..", "x", variables))
        .isInstanceOf(FeelException.class);
    // evaluation failures or null results: whatever Camunda's engine does, this one does
    for (String test : List.of("noSuchFunction(?)", "x", "\"a\" < ?")) {
      assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, "x", variables))).as(test)
          .isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(test, "x", variables)));
    }
    for (String expression : List.of("noSuchFunction(x)", "y + 1", "x / 0", "assert(x, x > 10)",
        "assert(x, x < 10)", "string length(x)")) {
      assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, variables))).as(expression)
          .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, variables)));
    }
  }

  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return String.valueOf(evaluation.get());
    } catch (RuntimeException e) {
      return e.getClass().getName();
    }
  }

  private static DmnDecision parse(DmnEngine engine) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes/origination/scorecard.dmn"))) {
      return engine.parseDecision("scorecard", in);
    }
  }

  private static VariableMap applicant(int bureauScore, boolean thinFile, int delinquencies, double income,
      double debtToIncome, int employmentMonths, int age, int dependants, boolean existingCustomer) {
    return Variables.createVariables().putValue("bureauScore", bureauScore).putValue("thinFile", thinFile)
        .putValue("delinquencies12m", delinquencies).putValue("monthlyIncome", income)
        .putValue("debtToIncome", debtToIncome).putValue("employmentMonths", employmentMonths).putValue("age", age)
        .putValue("dependants", dependants).putValue("existingCustomer", existingCustomer);
  }

  @Nested
  @CreditFlowWebTest
  class InTheApplication {

    @Autowired
    ProcessEngine engine;

    @Test
    void theProcessEnginesDecisionsUseIt() {
      assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
          .getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
    }
  }
}
