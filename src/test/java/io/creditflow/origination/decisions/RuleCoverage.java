package io.creditflow.origination.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;

/**
 * Records which rules of which decision table matched. A test class checks at the end that its tests matched
 * every rule of its table, so a rule added without a test fails the build.
 */
final class RuleCoverage implements DmnDecisionTableEvaluationListener {

  private final Map<String, Set<String>> matchedByDecision = new ConcurrentHashMap<>();

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    Set<String> matched = matchedByDecision.computeIfAbsent(event.getDecision().getKey(),
        key -> ConcurrentHashMap.newKeySet());
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      matched.add(rule.getId());
    }
  }

  Set<String> matchedRuleIds(DecisionFile file) {
    return Set.copyOf(matchedByDecision.getOrDefault(file.decisionId(), Set.of()));
  }

  void assertEveryRuleMatched(DecisionFile file) {
    List<String> all = file.ruleIds();
    Set<String> matched = matchedRuleIds(file);
    List<String> unmatched = all.stream().filter(id -> !matched.contains(id)).toList();

    assertThat(all).as("rules of %s", file.fileName()).isNotEmpty();
    assertThat(unmatched)
        .withFailMessage(() -> file.fileName() + ": " + unmatched.size() + " of " + all.size()
            + " rule(s) were matched by no test; add a test for " + unmatched)
        .isEmpty();
  }
}
