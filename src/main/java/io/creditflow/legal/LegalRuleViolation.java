package io.creditflow.legal;

/** A task completed with values the legal process refuses (the task stays open). */
public class LegalRuleViolation extends RuntimeException {

  public LegalRuleViolation(String message) {
    super(message);
  }
}
