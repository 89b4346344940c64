package io.creditflow.campaign;

import org.camunda.bpm.engine.ProcessEngineException;

/** A campaign task completed with values the rules do not allow; the task stays open. */
class CampaignRuleViolation extends ProcessEngineException {

  CampaignRuleViolation(String message) {
    super(message);
  }
}
