package io.creditflow.review;

import io.creditflow.identity.ProcessKeys;

/**
 * The {@code earlyWarningReview} process (processes/early-warning-review.bpmn), business key = loan number, at most
 * one running per loan: a risk manager looks at early-warning signals the close of business raised and records an
 * outcome.
 */
public final class EarlyWarningReview {

  public static final String PROCESS_KEY = ProcessKeys.EARLY_WARNING_REVIEW;

  /** Variables set at start. */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String CREDIT_LINE_ID = "creditLineId";
  public static final String BUSINESS_DATE = "businessDate";
  /** Signal codes, comma separated (see {@link Signal}). */
  public static final String SIGNALS = "signals";

  /** What the risk manager records. */
  public static final String OUTCOME = "earlyWarningOutcome";
  public static final String COMMENT = "earlyWarningComment";
  public static final String REVIEWED_BY = "reviewedBy";

  /**
   * Early-warning signals. An income drop reported by the customer is not a signal yet: CreditFlow has no source of
   * income data after origination.
   */
  public enum Signal {
    /** The bureau reports more delinquencies than at the previous review. */
    BUREAU_DELINQUENCY_INCREASED,
    /** Instalments paid late within the configured window (default 2 in 6 months). */
    REPEATED_LATE_PAYMENTS
  }

  /** The outcomes of {@code Task_ReviewEarlyWarning}. */
  public enum Outcome { NO_ACTION, WATCHLIST, CONTACT_CUSTOMER, REVIEW_LIMIT }

  private EarlyWarningReview() {}
}
