package io.creditflow.complaint;

/** A rule of complaint handling broken by a task completion or a start form: the completion is refused. */
public class ComplaintRuleViolation extends RuntimeException {

  public ComplaintRuleViolation(String message) {
    super(message);
  }
}
