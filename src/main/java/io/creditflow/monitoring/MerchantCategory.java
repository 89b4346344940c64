package io.creditflow.monitoring;

/** What the payment network says a payment made with loan funds was for (its merchant category, mapped to ours). */
public enum MerchantCategory {
  RETAIL,
  TRAVEL,
  EDUCATION,
  HEALTHCARE,
  REAL_ESTATE,
  SECURITIES,
  CRYPTO,
  GAMBLING,
  /** Repayment of a loan with another lender. */
  LOAN_REPAYMENT,
  CASH_WITHDRAWAL,
  TRANSFER,
  OTHER
}
