package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Servicing rules ({@code creditflow.servicing.*}).
 *
 * @param penaltyDailyRate      penalty a day on an overdue instalment's unpaid principal + interest, as a decimal
 *                              fraction (0.0005 = 0.05 % a day), accrued by the close of business
 * @param penaltyCapRatio       all penalties ever accrued on a loan stay at or below this share of its principal
 *                              (0.10 = 10 %); accrual stops at the cap
 * @param graceDays             days past due tolerated before a loan becomes DELINQUENT; 0 means any day past due
 * @param correlationAttempts   attempts to deliver PaymentReceived to waiting processes when the engine reports a
 *                              concurrent change (OptimisticLockingException)
 * @param correlationBackOff    pause before the second attempt, doubled for each further one
 * @param redeliverPendingAfter a correlation still PENDING this long after the payment (the node stopped between
 *                              commit and delivery) is redelivered with the FAILED ones
 */
@ConfigurationProperties("creditflow.servicing")
public record ServicingProperties(
    @DefaultValue("0.0005") BigDecimal penaltyDailyRate,
    @DefaultValue("0.10") BigDecimal penaltyCapRatio,
    @DefaultValue("0") int graceDays,
    @DefaultValue("3") int correlationAttempts,
    @DefaultValue("PT0.05S") Duration correlationBackOff,
    @DefaultValue("PT5M") Duration redeliverPendingAfter) {

  public ServicingProperties {
    if (penaltyDailyRate.signum() < 0 || penaltyDailyRate.compareTo(new BigDecimal("0.01")) > 0) {
      throw new IllegalArgumentException("creditflow.servicing.penalty-daily-rate must be between 0 and 0.01");
    }
    if (penaltyCapRatio.signum() < 0 || penaltyCapRatio.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("creditflow.servicing.penalty-cap-ratio must be between 0 and 1");
    }
    if (graceDays < 0) {
      throw new IllegalArgumentException("creditflow.servicing.grace-days must not be negative");
    }
    if (correlationAttempts < 1) {
      throw new IllegalArgumentException("creditflow.servicing.correlation-attempts must be at least 1");
    }
  }
}
