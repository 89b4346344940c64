package io.creditflow.notification;

import org.camunda.bpm.engine.ProcessEngineException;

/** An operations decision is incomplete; thrown while the task is completed, so Tasklist shows the message. */
public class NotificationRuleViolation extends ProcessEngineException {

  public NotificationRuleViolation(String message) {
    super(message);
  }
}
