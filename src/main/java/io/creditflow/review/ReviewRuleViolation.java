package io.creditflow.review;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task completed with values the review rules do not allow; the task stays open. */
class ReviewRuleViolation extends ProcessEngineException {

  ReviewRuleViolation(String message) {
    super(message);
  }
}
