package io.creditflow.complaint;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/reports/complaints}: for the complaints received in a date range (business zone, both ends
 * included, at most 366 days):
 * <ul>
 *   <li>deadline compliance = complaints responded by their deadline / complaints responded or past their deadline
 *       (null when there are none);</li>
 *   <li>average days to respond = mean of (first response − receipt) in days, over the responded ones;</li>
 *   <li>upheld rate by category = complaints whose final outcome is UPHELD or PARTIALLY_UPHELD / complaints of the
 *       category with an outcome.</li>
 * </ul>
 * Ratios have 4 decimals, days 2, half up. The same figures as metrics: {@link ComplaintMetrics}.
 */
@Component
class ComplaintReport {

  static final int MAX_DAYS = 366;

  record CategoryView(ComplaintCategory category, long received, long withOutcome, long upheld,
      BigDecimal upheldRate) {}

  record Report(LocalDate from, LocalDate to, long received, long responded, long respondedInTime, long breached,
      BigDecimal deadlineCompliance, BigDecimal averageDaysToRespond, List<CategoryView> byCategory) {}

  private final ComplaintRepository complaints;
  private final Clock clock;

  ComplaintReport(ComplaintRepository complaints, Clock clock) {
    this.complaints = complaints;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Report of(LocalDate fromDate, LocalDate toDate) {
    LocalDate to = toDate != null ? toDate : LocalDate.now(clock);
    LocalDate from = fromDate != null ? fromDate : to.minusDays(89);
    if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidRequestException(List.of(new FieldProblem("from",
          "from must not be after to, and the range at most " + MAX_DAYS + " days.")));
    }
    List<Complaint> found = complaints.findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(
        from.atStartOfDay(clock.getZone()).toInstant(), to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    var now = clock.instant();
    long responded = 0;
    long inTime = 0;
    long due = 0;
    long breached = 0;
    long seconds = 0;
    Map<ComplaintCategory, long[]> byCategory = new EnumMap<>(ComplaintCategory.class);
    for (Complaint c : found) {
      if (c.getRespondedAt() != null) {
        responded++;
        due++;
        seconds += Duration.between(c.getReceivedAt(), c.getRespondedAt()).toSeconds();
        if (Boolean.TRUE.equals(c.respondedInTime())) {
          inTime++;
        }
      } else if (c.getDueBy() != null && now.isAfter(c.getDueBy())) {
        due++;
      }
      if (c.getBreachedAt() != null) {
        breached++;
      }
      if (c.getCategory() != null) {
        long[] counts = byCategory.computeIfAbsent(c.getCategory(), k -> new long[3]);
        counts[0]++;
        if (c.finalOutcome() != null) {
          counts[1]++;
          if (c.finalOutcome() != ComplaintOutcome.REJECTED) {
            counts[2]++;
          }
        }
      }
    }
    List<CategoryView> categories = byCategory.entrySet().stream()
        .map(e -> new CategoryView(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
            ratio(e.getValue()[2], e.getValue()[1]))).toList();
    BigDecimal averageDays = responded == 0 ? null : BigDecimal.valueOf(seconds)
        .divide(BigDecimal.valueOf(86400L * responded), 2, RoundingMode.HALF_UP);
    return new Report(from, to, found.size(), responded, inTime, breached, ratio(inTime, due), averageDays,
        categories);
  }

  private static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
