package io.creditflow.portfolio;

import java.math.BigDecimal;

/** A warning or alert line the DMN {@code portfolioWarning} found breached in one segment of a snapshot. */
public record Breach(String dimension, String key, String line, String level, BigDecimal measured,
    String recommendedAction) {

  /** One line for the risk manager's task, e.g. {@code ALERT OVERDUE_RATIO_BALANCE TOTAL/ALL 6.2500 % -> TIGHTEN_LIMITS}. */
  public String describe() {
    return level + " " + line + " " + dimension + "/" + key + " "
        + measured.movePointRight(2).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString() + " % -> "
        + recommendedAction;
  }
}
