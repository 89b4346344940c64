package io.creditflow.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Collection figures for a period of business dates ({@link CollectionReportService}).
 *
 * @param cases     cases started and ended in the period, by outcome, and the cure rate (cured / ended)
 * @param cost      the unit costs of the actions taken in the period, in total, per action and per cured loan
 * @param promises  promises to pay made, kept and broken in the period; kept rate = kept / (kept + broken)
 * @param rollRates of the cases started in the period, the share that went on from each DPD bucket to the next
 * @param contacts  contact-policy decisions in the period, and those deferred (refused now) by reason
 */
public record CollectionReport(LocalDate from, LocalDate to, Cases cases, Cost cost, Promises promises,
    List<RollRate> rollRates, Contacts contacts) {

  /** Rates are fractions with 4 decimals (0.2500 = 25 %), null when there is nothing to divide by. */
  public record Cases(long started, long ended, long cured, long handedToLegal, long closed, BigDecimal cureRate) {}

  public record ActionCost(long count, BigDecimal cost) {}

  public record Cost(BigDecimal total, BigDecimal perCuredLoan, Map<String, ActionCost> byAction) {}

  public record Promises(long made, long kept, long broken, BigDecimal keptRate) {}

  /** {@code rolled} of the {@code reached} cases that reached bucket {@code from} went on to bucket {@code to}. */
  public record RollRate(String from, String to, long reached, long rolled, BigDecimal rate) {}

  public record Contacts(long decisions, long deferred, Map<String, Long> deferredByReason) {}
}
