package io.creditflow.complaint;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Business days for complaint deadlines: not a weekend day ({@code creditflow.complaints.weekend}) and not a holiday
 * ({@code holidays}), unless listed as a working day ({@code working-days}, e.g. an adjusted working Saturday). The
 * business zone is the engine clock's.
 */
@Component
public class BusinessCalendar {

  private final Set<DayOfWeek> weekend;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingDays;
  private final LocalTime closeOfBusiness;
  private final ZoneId zone;

  public BusinessCalendar(ComplaintProperties properties, Clock clock) {
    this.weekend = Set.copyOf(properties.weekend());
    this.holidays = new HashSet<>(properties.holidays());
    this.workingDays = new HashSet<>(properties.workingDays());
    this.closeOfBusiness = properties.closeOfBusiness();
    this.zone = clock.getZone();
  }

  public boolean isBusinessDay(LocalDate date) {
    if (workingDays.contains(date)) {
      return true;
    }
    return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** The {@code n}-th business day after {@code date} (n ≥ 1); {@code date} itself never counts. */
  public LocalDate businessDaysAfter(LocalDate date, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    LocalDate day = date;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The close of business of {@code date}, as an instant. */
  public Instant closeOfBusiness(LocalDate date) {
    return date.atTime(closeOfBusiness).atZone(zone).toInstant();
  }

  /** The business date of {@code instant}. */
  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public ZoneId zone() {
    return zone;
  }
}
