package io.creditflow.portfolio;

import io.creditflow.identity.ProcessKeys;

/** Process {@code portfolioEarlyWarning}: its key, start message and variables. */
public final class PortfolioEarlyWarning {

  public static final String PROCESS_KEY = ProcessKeys.PORTFOLIO_EARLY_WARNING;
  /** Message of the manual start event (Camunda 7 allows no none start event beside a timer start event). */
  public static final String START_MESSAGE = "PortfolioSnapshotRequested";
  /** Who a timer-started snapshot is triggered by. */
  public static final String TIMER = "timer";

  public static final String SNAPSHOT_DATE = "snapshotDate";
  public static final String TRIGGERED_BY = "triggeredBy";
  public static final String SNAPSHOT_ID = "snapshotId";
  /** false when the snapshot of the date existed already, or the daily timer is off: the instance ends. */
  public static final String NEW_SNAPSHOT = "newSnapshot";
  public static final String BREACH_COUNT = "breachCount";
  public static final String WARNING_LEVEL = "warningLevel";
  public static final String BREACH_SUMMARY = "breachSummary";
  public static final String RECOMMENDED_ACTIONS = "recommendedActions";
  public static final String ACTION = "portfolioAction";
  public static final String COMMENT = "portfolioComment";
  public static final String REVIEWED_BY = "portfolioReviewedBy";

  /** What a risk manager may decide on a breach (the first three are the DMN's recommendations). */
  public enum Action { RAISE_CUTOFF, PAUSE_CAMPAIGN, TIGHTEN_LIMITS, NO_ACTION }

  private PortfolioEarlyWarning() {}
}
