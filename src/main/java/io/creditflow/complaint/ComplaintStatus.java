package io.creditflow.complaint;

/** Where a complaint stands. */
public enum ComplaintStatus {
  /** Registered; triage and acknowledgement under way. */
  RECEIVED,
  /** With the handling group. */
  INVESTIGATING,
  /** A longer deadline asked of complaint-managers (CN). */
  EXTENSION_REQUESTED,
  /** Final response (or summary resolution) sent; waiting for the customer's feedback. */
  RESPONDED,
  /** The customer is not satisfied: complaint-managers review it. */
  SECOND_LEVEL_REVIEW,
  CLOSED
}
