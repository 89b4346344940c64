package io.creditflow.collection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Collection ({@code creditflow.collection.*}). The stage timeline itself is not here: it is the DMN
 * {@code collectionStage} (processes/collection/collection-stages.dmn), which analysts change.
 *
 * @param unitCosts            cost of one action by {@link CollectionActionType#costKey()} (e.g. {@code sms-reminder:
 *                             0.05}), in the product currency; actions not listed cost 0
 * @param wakeUpTime           local time (business zone) at which a case looks at a new stage, after the close of
 *                             business has moved the days past due
 * @param callRetryAfter       after an unanswered call (NO_ANSWER, WRONG_NUMBER), the next attempt in the same stage
 * @param maxCallAttempts      call attempts per stage (and cycle) before the case waits for the next stage
 * @param promiseMaxDays       a promised payment date is at most this many days ahead
 * @param maxBrokenPromises    after this many broken promises no further promise is accepted
 * @param holdRecheck          while on hold, how often the case checks whether the hold is gone (in case a release
 *                             message found the case busy)
 * @param noticeLanguage       language of notices when the customer's language is unknown
 */
@Validated
@ConfigurationProperties("creditflow.collection")
public record CollectionProperties(
    @DefaultValue Map<String, BigDecimal> unitCosts,
    @DefaultValue("09:00") @NotNull LocalTime wakeUpTime,
    @DefaultValue("P2D") @NotNull Duration callRetryAfter,
    @DefaultValue("3") @Min(1) @Max(20) int maxCallAttempts,
    @DefaultValue("14") @Min(1) @Max(60) int promiseMaxDays,
    @DefaultValue("2") @Min(0) @Max(10) int maxBrokenPromises,
    @DefaultValue("P1D") @NotNull Duration holdRecheck,
    @DefaultValue("zh-CN") @NotBlank String noticeLanguage) {

  /** The unit cost of an action (0 when not configured), scale 2. */
  public BigDecimal unitCost(CollectionActionType action) {
    BigDecimal cost = unitCosts == null ? null : unitCosts.get(action.costKey());
    return (cost == null ? BigDecimal.ZERO : cost).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
