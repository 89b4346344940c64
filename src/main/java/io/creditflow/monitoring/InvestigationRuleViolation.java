package io.creditflow.monitoring;

import org.camunda.bpm.engine.ProcessEngineException;

/** A risk manager's decision is incomplete; thrown while the task is completed, so Tasklist shows the message. */
public class InvestigationRuleViolation extends ProcessEngineException {

  public InvestigationRuleViolation(String message) {
    super(message);
  }
}
