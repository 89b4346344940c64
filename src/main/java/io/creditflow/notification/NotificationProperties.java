package io.creditflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code creditflow.notifications.*}.
 *
 * @param dispatcherEnabled whether this node sends notifications on a schedule (off in tests that drive it)
 * @param dispatchInterval  pause between two dispatch runs (read by the scheduler as
 *                          {@code ${creditflow.notifications.dispatch-interval:PT10S}})
 * @param batchSize         notifications read per query; a run reads batches until none is due
 * @param maxAttempts       send attempts before a notification is FAILED
 * @param initialBackoff    wait after the first failed attempt; doubles with every further failure
 * @param maxBackoff        longest wait between two attempts
 * @param claimTimeout      how long a claimed notification is reserved for the node sending it; senders must give
 *                          up well within it, or another node may send it again
 */
@ConfigurationProperties("creditflow.notifications")
public record NotificationProperties(
    @DefaultValue("true") boolean dispatcherEnabled,
    @DefaultValue("PT10S") Duration dispatchInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT1M") Duration initialBackoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("PT5M") Duration claimTimeout) {

  public NotificationProperties {
    requirePositive("dispatch-interval", dispatchInterval);
    requirePositive("initial-backoff", initialBackoff);
    requirePositive("max-backoff", maxBackoff);
    requirePositive("claim-timeout", claimTimeout);
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("creditflow.notifications.batch-size must be 1-1000, was " + batchSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("creditflow.notifications.max-attempts must be at least 1, was "
          + maxAttempts);
    }
  }

  /** The defaults, for code and tests that build a dispatcher themselves. */
  public static NotificationProperties defaults() {
    return new NotificationProperties(true, Duration.ofSeconds(10), 50, 5, Duration.ofMinutes(1),
        Duration.ofHours(1), Duration.ofMinutes(5));
  }

  /** Wait before the next attempt after {@code failedAttempts} failures: initial, doubled each time, capped. */
  public Duration backoffAfter(int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    Duration backoff = initialBackoff.multipliedBy(1L << doublings);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("creditflow.notifications." + name + " must be positive, was " + value);
    }
  }
}
