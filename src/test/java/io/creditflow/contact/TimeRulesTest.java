package io.creditflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time rules alone: quiet hours across midnight and DST, the next allowed instant across several rules. */
class TimeRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ContactRules.Profile DEFAULT = new ContactRules.Profile("DEFAULT", LocalTime.of(21, 0),
      LocalTime.of(8, 0), 7, Duration.ofDays(7), Duration.ofDays(7), 6, 1, 1);

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  @Test
  void quietHoursSpanMidnightStartInclusiveEndExclusive() {
    LocalTime start = LocalTime.of(21, 0);
    LocalTime end = LocalTime.of(8, 0);
    assertThat(TimeRules.quietHoursEnd(local("2027-03-01T20:59:59", SHANGHAI), SHANGHAI, start, end)).isNull();
    assertThat(TimeRules.quietHoursEnd(local("2027-03-01T21:00:00", SHANGHAI), SHANGHAI, start, end))
        .isEqualTo(local("2027-03-02T08:00:00", SHANGHAI));
    assertThat(TimeRules.quietHoursEnd(local("2027-03-02T07:59:59", SHANGHAI), SHANGHAI, start, end))
        .isEqualTo(local("2027-03-02T08:00:00", SHANGHAI));
    assertThat(TimeRules.quietHoursEnd(local("2027-03-02T08:00:00", SHANGHAI), SHANGHAI, start, end)).isNull();
    // a window within one day, and none at all
    assertThat(TimeRules.quietHoursEnd(local("2027-03-02T01:00:00", SHANGHAI), SHANGHAI, LocalTime.MIDNIGHT, end))
        .isEqualTo(local("2027-03-02T08:00:00", SHANGHAI));
    assertThat(TimeRules.quietHoursEnd(local("2027-03-02T09:00:00", SHANGHAI), SHANGHAI, LocalTime.MIDNIGHT, end))
        .isNull();
    assertThat(TimeRules.quietHoursEnd(local("2027-03-02T23:00:00", SHANGHAI), SHANGHAI, end, end)).isNull();
  }

  @Test
  void quietHoursEndAtLocalEightAcrossTheDaylightSavingChange() {
    // Europe/London moves to BST in the night of 27/28 March 2027: 08:00 local is 07:00 UTC the next morning
    Instant end = TimeRules.quietHoursEnd(local("2027-03-27T23:00:00", LONDON), LONDON, LocalTime.of(21, 0),
        LocalTime.of(8, 0));

    assertThat(end).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
  }

  @Test
  void aDailyCapReachedInTheAfternoonDefersToTheEndOfTheNextQuietHoursNotToMidnight() {
    Instant at = local("2027-03-01T15:00:00", SHANGHAI);
    TimeRules.Input input = new TimeRules.Input(SHANGHAI, DEFAULT, ContactChannel.SMS, true, true, null,
        "notification:B", List.of(), List.of(new TimeRules.Sent(local("2027-03-01T09:00:00", SHANGHAI),
            "notification:A")));

    TimeRules.Outcome outcome = TimeRules.evaluate(at, input);

    assertThat(outcome.reason()).isEqualTo("SMS_DAILY_CAP");
    assertThat(outcome.notBefore()).isEqualTo(local("2027-03-02T08:00:00", SHANGHAI));
  }

  @Test
  void theSameNotificationDoesNotCountAgainstItself() {
    Instant at = local("2027-03-01T15:00:00", SHANGHAI);
    TimeRules.Input input = new TimeRules.Input(SHANGHAI, DEFAULT, ContactChannel.SMS, true, true, null,
        "notification:A", List.of(), List.of(new TimeRules.Sent(local("2027-03-01T09:00:00", SHANGHAI),
            "notification:A")));

    assertThat(TimeRules.evaluate(at, input).allowed()).isTrue();
  }

  @Test
  void callsAfterAConversationPauseForSevenDaysThenTheNextMorningIfThatIsQuiet() {
    Instant conversation = local("2027-03-01T21:30:00", LONDON); // e.g. the customer called back late
    TimeRules.Input input = new TimeRules.Input(LONDON, DEFAULT, ContactChannel.CALL, true, true, "mobile", "new",
        List.of(new TimeRules.Call(conversation, ContactChannel.CALL, true, "mobile")), List.of());

    TimeRules.Outcome outcome = TimeRules.evaluate(local("2027-03-03T10:00:00", LONDON), input);

    assertThat(outcome.reason()).isEqualTo("CALL_AFTER_CONVERSATION");
    // the pause ends 2027-03-08 21:30, in quiet hours: the next allowed instant is 08:00 on the 9th
    assertThat(outcome.notBefore()).isEqualTo(local("2027-03-09T08:00:00", LONDON));
  }
}
