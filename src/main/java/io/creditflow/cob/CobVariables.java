package io.creditflow.cob;

/** Variables of {@code closeOfBusiness}: ids, dates as ISO strings and flags for the gateways. */
final class CobVariables {

  /** The date the instance was started for (ISO); the daily run sets it to yesterday. */
  static final String TARGET_DATE = "targetDate";
  /** Who started it: a user id, or {@link CobRunService#TIMER}. */
  static final String TRIGGERED_BY = "triggeredBy";
  /** The business date being closed now (ISO). */
  static final String BUSINESS_DATE = "businessDate";
  /** Its run id. */
  static final String RUN_ID = "runId";
  /** Whether a business date is open to close (gateway). */
  static final String DAY_TO_CLOSE = "dayToClose";
  /** Whether the current step has another chunk (gateway). */
  static final String MORE_TO_DO = "moreToDo";

  private CobVariables() {}
}
