package io.creditflow.review;

import io.creditflow.identity.ProcessKeys;

/**
 * The {@code earlyWarningReview} process (processes/early-warning-review.bpmn), business key = loan number, at most
 * one running per loan: a risk manager looks at the early-warning signals raised and records an outcome, which
 * {@link EarlyWarningService#apply} carries out.
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

  /** Early-warning signals ({@link EarlyWarningService}). */
  public enum Signal {
    /** The bureau reports more delinquencies than at the previous review. */
    BUREAU_DELINQUENCY_INCREASED,
    /** Instalments paid late within the configured window (default 2 in 6 months). */
    REPEATED_LATE_PAYMENTS,
    /** An income report within the window at least the configured share (default 20 %) below the previous figure. */
    INCOME_DROP
  }

  /** The outcomes of {@code Task_ReviewEarlyWarning}, carried out by {@code Task_ApplyEarlyWarningOutcome}. */
  public enum Outcome { NO_ACTION, WATCHLIST, CONTACT_CUSTOMER, REVIEW_LIMIT }

  private EarlyWarningReview() {}
}
