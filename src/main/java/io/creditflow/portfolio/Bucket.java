package io.creditflow.portfolio;

/**
 * Days-past-due buckets of a snapshot, in order of severity. {@link #SQL_CASE} maps {@code l.days_past_due} to the
 * ordinal in SQL; WRITTEN_OFF (5) and SETTLED (6) are only the "now" side of a roll from the previous snapshot.
 */
public enum Bucket {
  CURRENT, DPD_1_30, DPD_31_60, DPD_61_90, DPD_90_PLUS;

  static final int WRITTEN_OFF = 5;
  static final int SETTLED = 6;

  static final String SQL_CASE = "CASE WHEN l.days_past_due <= 0 THEN 0 WHEN l.days_past_due <= 30 THEN 1"
      + " WHEN l.days_past_due <= 60 THEN 2 WHEN l.days_past_due <= 90 THEN 3 ELSE 4 END";

  /** The bucket of a number of days past due. */
  public static Bucket of(int daysPastDue) {
    if (daysPastDue <= 0) {
      return CURRENT;
    }
    if (daysPastDue <= 30) {
      return DPD_1_30;
    }
    if (daysPastDue <= 60) {
      return DPD_31_60;
    }
    return daysPastDue <= 90 ? DPD_61_90 : DPD_90_PLUS;
  }
}
