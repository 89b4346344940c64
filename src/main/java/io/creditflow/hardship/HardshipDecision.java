package io.creditflow.hardship;

/** What the credit officer decides on Task_AssessHardship (form field {@code hardshipDecision}). */
public enum HardshipDecision {
  /** Restructure over the remaining months plus the months the customer asked for. */
  APPROVE_EXTENSION,
  /** Restructure over the smallest extension that brings the instalment to the proposed one or below. */
  APPROVE_REDUCED_INSTALMENT,
  DECLINE;

  boolean approves() {
    return this != DECLINE;
  }
}
