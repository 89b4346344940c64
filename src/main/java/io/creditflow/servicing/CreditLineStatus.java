package io.creditflow.servicing;

/** Lifecycle of a credit line: only an ACTIVE line can be drawn on. */
public enum CreditLineStatus {
  ACTIVE,
  FROZEN,
  CLOSED
}
