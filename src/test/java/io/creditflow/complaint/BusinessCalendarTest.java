package io.creditflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business days with weekends, holidays and adjusted working days, and every jurisdiction's deadlines. */
class BusinessCalendarTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  // Friday 2027-04-30; Saturday 1 May to Wednesday 5 May a holiday; Sunday 2027-05-09 an adjusted working day
  static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 4),
      LocalDate.of(2027, 5, 5));

  static ComplaintProperties properties(List<LocalDate> holidays, List<LocalDate> workingDays) {
    return new ComplaintProperties(Jurisdiction.CN, 1, LocalTime.of(18, 0),
        Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, workingDays, 0.5, 0.8, Duration.ofDays(14),
        Map.of());
  }

  private final ComplaintProperties properties = properties(HOLIDAYS, List.of(LocalDate.of(2027, 5, 9)));
  private final BusinessCalendar calendar = new BusinessCalendar(properties, Clock.system(ZONE));
  private final ComplaintDeadlines deadlines = new ComplaintDeadlines(calendar, properties);

  static Instant at(int month, int day, int hour) {
    return LocalDate.of(2027, month, day).atTime(hour, 0).atZone(ZONE).toInstant();
  }

  @Test
  void weekendsAndHolidaysAreNotBusinessDaysUnlessListedAsWorkingDays() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 4, 30))).isTrue(); // Friday
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 5, 1))).isFalse(); // Saturday
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 5, 3))).isFalse(); // Monday, holiday
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 5, 6))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 5, 9))).isTrue(); // Sunday, adjusted working day
    assertThat(calendar.businessDaysAfter(LocalDate.of(2027, 4, 30), 1)).isEqualTo(LocalDate.of(2027, 5, 6));
    assertThat(calendar.businessDaysAfter(LocalDate.of(2027, 5, 7), 1)).isEqualTo(LocalDate.of(2027, 5, 9));
    assertThat(calendar.businessDaysAfter(LocalDate.of(2027, 4, 28), 3)).isEqualTo(LocalDate.of(2027, 5, 6));
    assertThatThrownBy(() -> calendar.businessDaysAfter(LocalDate.of(2027, 4, 28), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutHolidaysTheNextBusinessDayAfterFridayIsMonday() {
    ComplaintProperties plain = properties(List.of(), List.of());
    BusinessCalendar weekOnly = new BusinessCalendar(plain, Clock.system(ZONE));
    assertThat(weekOnly.businessDaysAfter(LocalDate.of(2027, 4, 30), 1)).isEqualTo(LocalDate.of(2027, 5, 3));
  }

  @Test
  void theAcknowledgementIsDueByTheCloseOfTheNextBusinessDaySkippingTheHolidays() {
    ComplaintDeadlines.Deadlines cn = deadlines.of(Jurisdiction.CN, at(4, 30, 10), false);
    assertThat(cn.acknowledgeBy()).isEqualTo(at(5, 6, 18));
    assertThat(cn.summaryBy()).isNull();
    assertThat(cn.inProgressBy()).isNull();
  }

  @Test
  void cnFifteenCalendarDaysOrThirtyWhenExtendedWithReminderAtHalfAndEscalationAtEightyPercent() {
    ComplaintDeadlines.Deadlines cn = deadlines.of(Jurisdiction.CN, at(3, 1, 10), false);
    assertThat(cn.dueBy()).isEqualTo(at(3, 16, 10));
    assertThat(cn.reminderAt()).isEqualTo(at(3, 8, 22)); // 7.5 days
    assertThat(cn.escalationAt()).isEqualTo(at(3, 13, 10)); // 12 days
    ComplaintDeadlines.Deadlines extended = deadlines.of(Jurisdiction.CN, at(3, 1, 10), true);
    assertThat(extended.dueBy()).isEqualTo(at(3, 31, 10));
    assertThat(extended.reminderAt()).isEqualTo(at(3, 16, 10));
    assertThat(extended.escalationAt()).isEqualTo(at(3, 25, 10));
  }

  @Test
  void ukEightWeeksAndSummaryResolutionByTheCloseOfTheThirdBusinessDayAfterReceipt() {
    ComplaintDeadlines.Deadlines uk = deadlines.of(Jurisdiction.UK, at(4, 29, 10), false);
    assertThat(uk.dueBy()).isEqualTo(at(6, 24, 10));
    // Thursday 29 April: Friday 30 April, (weekend, 3-5 May holidays), Thursday 6, Friday 7 May
    assertThat(uk.summaryBy()).isEqualTo(at(5, 7, 18));
    assertThatThrownBy(() -> deadlines.of(Jurisdiction.UK, at(4, 29, 10), true))
        .isInstanceOf(ComplaintRuleViolation.class);
  }

  @Test
  void usInProgressAfterFifteenDaysAndFinalBySixtyDays() {
    ComplaintDeadlines.Deadlines us = deadlines.of(Jurisdiction.US, at(3, 1, 10), false);
    assertThat(us.inProgressBy()).isEqualTo(at(3, 16, 10));
    assertThat(us.dueBy()).isEqualTo(at(4, 30, 10));
    assertThat(us.summaryBy()).isNull();
  }
}
