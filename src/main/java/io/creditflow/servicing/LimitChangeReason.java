package io.creditflow.servicing;

/** Why a credit line's limit changed. Limit reviews add their reasons here. */
public enum LimitChangeReason {
  /** The limit the line was opened with. */
  OPENED
}
