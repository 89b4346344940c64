package io.creditflow.origination;

/** Where an application stands. Final: DECLINED, EXPIRED, DISBURSED, CANCELLED. */
public enum ApplicationStatus {
  RECEIVED, UNDER_REVIEW, APPROVED, DECLINED, OFFERED, ACCEPTED, EXPIRED, DISBURSED, CANCELLED;

  public boolean isFinal() {
    return this == DECLINED || this == EXPIRED || this == DISBURSED || this == CANCELLED;
  }
}
