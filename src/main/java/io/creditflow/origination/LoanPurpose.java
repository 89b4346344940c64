package io.creditflow.origination;

/**
 * What the money is for. Consumer loans must not fund real estate or securities: those purposes are recognised so the
 * applicant gets a clear decline with a reason instead of a validation error.
 */
public enum LoanPurpose {
  HOME_RENOVATION, EDUCATION, TRAVEL, HOUSEHOLD_GOODS, HEALTHCARE, VEHICLE, WEDDING, OTHER_CONSUMPTION,
  REAL_ESTATE(true), SECURITIES(true);

  private final boolean prohibited;

  LoanPurpose() {
    this(false);
  }

  LoanPurpose(boolean prohibited) {
    this.prohibited = prohibited;
  }

  public boolean isProhibited() {
    return prohibited;
  }
}
