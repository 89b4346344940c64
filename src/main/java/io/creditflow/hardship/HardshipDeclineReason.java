package io.creditflow.hardship;

/** Why a credit officer declines a hardship request; told to the customer. */
public enum HardshipDeclineReason {
  /** Even the restructured instalment would not be affordable. */
  NOT_AFFORDABLE,
  /** The hardship is not shown or not credible. */
  HARDSHIP_NOT_SHOWN,
  /** The loan was restructured recently. */
  RECENTLY_RESTRUCTURED,
  /** Outside the restructuring policy. */
  OUTSIDE_POLICY
}
