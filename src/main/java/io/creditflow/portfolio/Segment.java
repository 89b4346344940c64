package io.creditflow.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures of one segment of a snapshot.
 *
 * @param dimension          TOTAL (key ALL), PRODUCT (FIRST_LOAN, DRAWDOWN), CHANNEL, GRADE or CAMPAIGN (NONE: none)
 * @param counts             loans per {@link Bucket}, in bucket order
 * @param balances           balance (principal + billed interest + penalty outstanding) per bucket
 * @param overdueRatioBalance balance 1+ days past due / balance (0 for an empty segment), 6 decimals
 * @param overdueRatioCount  loans 1+ days past due / loans, 6 decimals
 * @param rollRates          per bucket CURRENT .. DPD_61_90: the share of the balance in that bucket at the previous
 *                           snapshot (balance then) that is in a worse bucket now, written-off included; null without
 *                           a previous snapshot or with nothing in the bucket then
 */
public record Segment(String dimension, String key, int loanCount, BigDecimal balance, List<Integer> counts,
    List<BigDecimal> balances, BigDecimal overdueRatioBalance, BigDecimal overdueRatioCount,
    List<BigDecimal> rollRates) {

  public static final String TOTAL = "TOTAL";
  public static final String ALL = "ALL";
  public static final List<String> DIMENSIONS = List.of(TOTAL, "PRODUCT", "CHANNEL", "GRADE", "CAMPAIGN");

  /** A ratio with 6 decimals, half up; 0 when the denominator is 0. */
  static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return BigDecimal.ZERO.setScale(6);
    }
    return part.divide(whole, 6, RoundingMode.HALF_UP);
  }

  /** The roll rate out of the current bucket (into delinquency); null when unknown. */
  public BigDecimal rollCurrent() {
    return rollRates.get(0);
  }
}
