package io.creditflow.complaint;

/** What the lender does to put things right. */
public enum ComplaintRemedy { REFUND, FEE_WAIVER, CREDIT_REPORT_CORRECTION, APOLOGY }
