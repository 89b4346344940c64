package io.creditflow.origination;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consumer-loan product and the origination process settings ({@code creditflow.origination.*}).
 *
 * @param currency            currency of every amount (ISO 4217)
 * @param minAmount           smallest amount that may be requested or offered
 * @param maxAmount           largest amount that may be requested
 * @param terms               terms in months the product offers
 * @param autoApprovalCeiling the largest credit limit the system grants without a person; larger requests go to
 *                            credit officers, and an automatic approval never grants more than this
 * @param fourEyesThreshold   limits above this need a second approval by a credit manager
 * @param limitStep           limits are rounded down to a multiple of this
 * @param offerValidity       how long an offer waits for the customer's answer
 * @param documentsWait       how long the process waits for requested documents before declining
 * @param reviewDue           due date of a credit officer's review task; when it passes, the task moves to managers
 * @param secondApprovalDue   due date of a credit manager's second approval
 * @param statusWait          reads that wait while an application is in a status
 *                            ({@code GET /api/applications/{id}?whileStatus=…}, {@link ApplicationStatusWatch})
 */
@ConfigurationProperties("creditflow.origination")
public record OriginationProperties(
    @DefaultValue("CNY") String currency,
    @DefaultValue("1000.00") BigDecimal minAmount,
    @DefaultValue("500000.00") BigDecimal maxAmount,
    @DefaultValue({"3", "6", "9", "12", "18", "24", "36"}) List<Integer> terms,
    @DefaultValue("100000.00") BigDecimal autoApprovalCeiling,
    @DefaultValue("200000.00") BigDecimal fourEyesThreshold,
    @DefaultValue("1000") BigDecimal limitStep,
    @DefaultValue("P14D") Duration offerValidity,
    @DefaultValue("P7D") Duration documentsWait,
    @DefaultValue("P2D") Duration reviewDue,
    @DefaultValue("P1D") Duration secondApprovalDue,
    @DefaultValue StatusWait statusWait) {

  /**
   * Reads that wait on an application's status ({@code creditflow.origination.status-wait.*}).
   *
   * @param checkInterval how often one node checks the status of every awaited application (one query for all)
   * @param maxWaiting    how many reads may wait on one node at once; one more is answered 503
   */
  public record StatusWait(
      @DefaultValue("PT0.1S") Duration checkInterval,
      @DefaultValue("1000") int maxWaiting) {}

  /** The longest product term that is at most {@code limit} months, or 0 if none is. */
  public int longestTermUpTo(int limit) {
    return terms.stream().filter(term -> term <= limit).max(Integer::compare).orElse(0);
  }
}
