package io.creditflow.hardship;

/** Why the customer asks for relief. */
public enum HardshipReason {
  JOB_LOSS,
  ILLNESS,
  INCOME_DROP,
  FAMILY_EMERGENCY,
  NATURAL_DISASTER,
  OTHER
}
