package io.creditflow.servicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Cents and rates as the ledger stores them: money has scale 2 (rounded {@link RoundingMode#HALF_UP}, the commercial
 * rounding customers and auditors expect), rates are decimal fractions with scale 6.
 */
final class Money {

  static final int SCALE = 2;
  static final int RATE_SCALE = 6;
  static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
  /** Whole digits a DECIMAL(19,2) column holds. */
  private static final int MAX_INTEGER_DIGITS = 17;

  private Money() {}

  /** {@code value} rounded half-up to the cent. */
  static BigDecimal cents(BigDecimal value) {
    return value.setScale(SCALE, ROUNDING);
  }

  /** {@code value} at scale 2, or an {@link IllegalArgumentException} if it has fractions of a cent. */
  static BigDecimal exactCents(BigDecimal value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.stripTrailingZeros().scale() > SCALE) {
      throw new IllegalArgumentException(name + " has fractions of a cent: " + value.toPlainString());
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(name + " has more than " + MAX_INTEGER_DIGITS + " whole digits");
    }
    return value.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** {@code value} at scale 6, or an {@link IllegalArgumentException} if it is more precise than that. */
  static BigDecimal exactRate(BigDecimal value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.stripTrailingZeros().scale() > RATE_SCALE) {
      throw new IllegalArgumentException(name + " has more than " + RATE_SCALE + " decimals: " + value.toPlainString());
    }
    return value.setScale(RATE_SCALE, RoundingMode.UNNECESSARY);
  }
}
