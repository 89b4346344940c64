package io.creditflow.review;

import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Evaluates DMN {@value #DECISION_KEY} (processes/servicing/limit-review.dmn). */
@Component
class LimitReviewDecision {

  static final String DECISION_KEY = "limitReview";

  private final DecisionService decisions;

  LimitReviewDecision(ProcessEngine engine) {
    this.decisions = engine.getDecisionService();
  }

  LimitReviewResult evaluate(int behaviourScore, int bureauScore, int bureauDelinquencies12m, int daysPastDue,
      BigDecimal utilisation) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("behaviourScore", behaviourScore)
            .putValue("bureauScore", bureauScore)
            .putValue("bureauDelinquencies12m", bureauDelinquencies12m)
            .putValue("daysPastDue", daysPastDue)
            .putValue("utilisation", utilisation.doubleValue()))
        .evaluate().getSingleResult();
    Object factor = result.getEntry("limitFactor");
    return new LimitReviewResult(LimitAction.valueOf(result.getEntry("action")),
        new BigDecimal(factor.toString()), result.getEntry("reasonCode"), result.getEntry("reasonText"));
  }
}
