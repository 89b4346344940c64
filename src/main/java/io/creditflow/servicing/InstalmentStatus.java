package io.creditflow.servicing;

/** State of one schedule line. */
public enum InstalmentStatus {
  /** Not yet due, or due today, and nothing paid. */
  DUE,
  PAID,
  PARTIALLY_PAID,
  /** Its due date has passed and it is not fully paid. */
  OVERDUE
}
