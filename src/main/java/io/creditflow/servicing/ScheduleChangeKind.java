package io.creditflow.servicing;

/** Why a ledger action wrote a new schedule version. */
public enum ScheduleChangeKind {
  /** The whole outstanding balance fell due on the effective date. */
  RECALL,
  /** The outstanding principal was re-amortised over a new number of months. */
  RESTRUCTURE
}
