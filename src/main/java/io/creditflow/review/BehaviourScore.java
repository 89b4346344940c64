package io.creditflow.review;

import java.math.BigDecimal;

/**
 * How a customer has run a credit line, from the ledger alone.
 *
 * <p>The score is 0–1000: 1000, less 100 for each instalment paid late in the last 12 months (at most 500), less 10
 * for each day past due now (at most 400), less 100 when more than 90 % of the limit is drawn. Late = a payment
 * allocated to an instalment with a value date after the instalment's due date.
 *
 * @param score                 0–1000, higher is better
 * @param daysPastDue           the worst days past due of the line's open loans now
 * @param lateInstalments12m    instalments paid late in the last 12 months (all loans of the line)
 * @param utilisation           drawn / limit (0 when the limit is 0), 4 decimals
 */
public record BehaviourScore(int score, int daysPastDue, int lateInstalments12m, BigDecimal utilisation) {

  static final int MAX = 1000;

  static int score(int daysPastDue, int lateInstalments12m, BigDecimal utilisation) {
    int score = MAX - Math.min(500, 100 * lateInstalments12m) - Math.min(400, 10 * daysPastDue);
    if (utilisation.compareTo(new BigDecimal("0.9")) > 0) {
      score -= 100;
    }
    return Math.max(0, score);
  }
}
