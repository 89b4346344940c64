package io.creditflow.hardship;

/** A decision on Task_AssessHardship breaks a rule (no decision, no reason, an impossible option): not completed. */
public class HardshipRuleViolation extends RuntimeException {

  public HardshipRuleViolation(String message) {
    super(message);
  }
}
