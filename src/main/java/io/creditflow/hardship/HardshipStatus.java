package io.creditflow.hardship;

/** REQUESTED while {@code hardshipAssessment} runs; APPROVED (loan restructured) or DECLINED at its end. */
public enum HardshipStatus {
  REQUESTED,
  APPROVED,
  DECLINED
}
