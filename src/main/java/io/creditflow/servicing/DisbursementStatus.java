package io.creditflow.servicing;

/** State of a disbursement. BOOKED: the loan is on the ledger and the payout is owed to the customer. */
public enum DisbursementStatus {
  BOOKED
}
