package io.creditflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One DMN table from {@code processes/}, evaluated by a standalone DMN engine that records which rules matched, so a
 * test class can check at its end that its tests matched every rule (a rule added without a test fails the build).
 */
public final class DecisionTableUnderTest {

  private final Path file;
  private final Set<String> matched = ConcurrentHashMap.newKeySet();
  private final DmnEngine engine;
  private final DmnDecision decision;

  public DecisionTableUnderTest(String decisionKey, Path file) {
    this.file = file;
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
      }
    }));
    this.engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      this.decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DmnDecisionResult evaluate(VariableMap variables) {
    return engine.evaluateDecision(decision, variables);
  }

  public HitPolicy hitPolicy() {
    return model().getModelElementsByType(DecisionTable.class).iterator().next().getHitPolicy();
  }

  public void assertEveryRuleMatched() {
    List<String> ruleIds = model().getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    List<String> unmatched = ruleIds.stream().filter(id -> !matched.contains(id)).toList();
    assertThat(ruleIds).isNotEmpty();
    assertThat(unmatched).withFailMessage("rules of %s matched by no test: %s", file, unmatched).isEmpty();
  }

  private DmnModelInstance model() {
    try (InputStream in = Files.newInputStream(file)) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
