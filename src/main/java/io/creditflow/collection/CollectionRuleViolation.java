package io.creditflow.collection;

import org.camunda.bpm.engine.ProcessEngineException;

/** A collection task completed with values the rules do not allow, or a call the policy forbids; the task stays open. */
public class CollectionRuleViolation extends ProcessEngineException {

  CollectionRuleViolation(String message) {
    super(message);
  }
}
