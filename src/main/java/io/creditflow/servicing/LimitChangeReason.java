package io.creditflow.servicing;

/** Why a credit line's limit changed. Limit reviews add their reasons here. */
public enum LimitChangeReason {
  /** The limit the line was opened with. */
  OPENED,
  /** Raised by a process decision (credit review, hardship); the note says why. */
  INCREASED,
  /** Lowered by a process decision (credit review, fund usage, early warning); the note says why. */
  DECREASED
}
