package io.creditflow.review;

/** Where a reported income figure comes from. */
public enum IncomeSource {
  /** The customer told us (mobile app, call centre). */
  CUSTOMER_DECLARED,
  /** The employer confirmed it. */
  EMPLOYER,
  /** Salary credits seen on the customer's account. */
  PAYROLL,
  /** A credit bureau's income estimate. */
  BUREAU,
  /** A tax or social-security statement. */
  TAX_AUTHORITY
}
