package io.creditflow.origination;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A person's decision breaks an approval rule (limit above the matrix, same person twice, missing reason). Thrown
 * while the task is being completed, so the completion is refused and Tasklist shows the message.
 */
public class ApprovalRuleViolation extends ProcessEngineException {

  public ApprovalRuleViolation(String message) {
    super(message);
  }
}
