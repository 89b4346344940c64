package io.creditflow.servicing;

/**
 * Lifecycle of a loan. ACTIVE and DELINQUENT are performing or in arrears; RESTRUCTURED runs on a new schedule
 * version; IN_LEGAL has been handed to legal; SETTLED (repaid) and WRITTEN_OFF are final.
 */
public enum LoanStatus {
  ACTIVE,
  DELINQUENT,
  RESTRUCTURED,
  IN_LEGAL,
  SETTLED,
  WRITTEN_OFF
}
