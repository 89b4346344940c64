package io.creditflow.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The rules of the contact policy that depend on time: quiet hours in the customer's zone, the call caps and the daily
 * SMS / e-mail caps. Pure: the history comes in, nothing is read or written. A refusal's {@code notBefore} is the next
 * instant at which <em>every</em> time rule allows the contact (a daily cap reached at 15:00 with quiet hours until
 * 08:00 answers 08:00 the next local day, not midnight), found by re-checking at each rule's own next instant.
 */
final class TimeRules {

  /** A call attempt or visit in the loan's history. */
  record Call(Instant at, ContactChannel channel, boolean conversation, String phoneRef) {}

  /** A contact of the customer allowed on a capped channel; {@code capKey} names it once (per notification). */
  record Sent(Instant at, String capKey) {}

  /** Everything the time rules need about one contact. */
  record Input(ZoneId zone, ContactRules.Profile profile, ContactChannel channel, boolean interrupts,
      boolean capsApply, String phoneRef, String capKey, List<Call> calls, List<Sent> sent) {}

  /** No reason = allowed; otherwise the first rule that refused and the next allowed instant. */
  record Outcome(String reason, Instant notBefore) {
    boolean allowed() {
      return reason == null;
    }
  }

  private record Refusal(String reason, Instant until) {}

  /** Enough for every rule to have moved past its refusal; more means the rules contradict each other. */
  private static final int MAX_STEPS = 32;

  private TimeRules() {}

  static Outcome evaluate(Instant at, Input input) {
    Refusal first = null;
    Instant time = at;
    for (int step = 0; step < MAX_STEPS; step++) {
      Refusal refusal = check(time, input);
      if (refusal == null) {
        return first == null ? new Outcome(null, null) : new Outcome(first.reason(), time);
      }
      if (first == null) {
        first = refusal;
      }
      if (!refusal.until().isAfter(time)) {
        throw new IllegalStateException("Contact rule " + refusal.reason() + " does not move time on at " + time);
      }
      time = refusal.until();
    }
    return new Outcome(first.reason(), time);
  }

  private static Refusal check(Instant time, Input input) {
    ContactRules.Profile profile = input.profile();
    if (input.interrupts()) {
      Instant quietEnd = quietHoursEnd(time, input.zone(), profile.quietHoursStart(), profile.quietHoursEnd());
      if (quietEnd != null) {
        return new Refusal("QUIET_HOURS", quietEnd);
      }
    }
    if (!input.capsApply()) {
      return null;
    }
    return switch (input.channel()) {
      case CALL -> callCaps(time, input);
      case SMS -> dailyCap(time, input, profile.smsPerDay(), "SMS_DAILY_CAP");
      case EMAIL -> dailyCap(time, input, profile.emailPerDay(), "EMAIL_DAILY_CAP");
      default -> null;
    };
  }

  private static Refusal callCaps(Instant time, Input input) {
    ContactRules.Profile profile = input.profile();
    // no call within the pause after a conversation (a call or visit in which the borrower was reached)
    Instant pauseEnd = null;
    for (Call call : input.calls()) {
      Instant end = call.at().plus(profile.conversationPause());
      if (call.conversation() && !call.at().isAfter(time) && end.isAfter(time)
          && (pauseEnd == null || end.isAfter(pauseEnd))) {
        pauseEnd = end;
      }
    }
    if (pauseEnd != null) {
      return new Refusal("CALL_AFTER_CONVERSATION", pauseEnd);
    }
    // at most N call attempts in any rolling window: the window frees when its oldest attempts drop out
    List<Instant> inWindow = input.calls().stream()
        .filter(call -> call.channel() == ContactChannel.CALL)
        .map(Call::at)
        .filter(callAt -> callAt.isAfter(time.minus(profile.callWindow())) && !callAt.isAfter(time))
        .sorted()
        .toList();
    int cap = profile.callAttemptsPerWindow();
    if (inWindow.size() >= cap) {
      int mustDrop = inWindow.size() - cap + 1;
      return new Refusal("CALL_WEEKLY_CAP", inWindow.get(mustDrop - 1).plus(profile.callWindow()));
    }
    // at most M unanswered dials of one number per local day
    LocalDate day = time.atZone(input.zone()).toLocalDate();
    Instant dayStart = startOf(day, input.zone());
    Instant nextDay = startOf(day.plusDays(1), input.zone());
    long unanswered = input.calls().stream()
        .filter(call -> call.channel() == ContactChannel.CALL && !call.conversation()
            && Objects.equals(call.phoneRef(), input.phoneRef())
            && !call.at().isBefore(dayStart) && call.at().isBefore(nextDay))
        .count();
    if (unanswered >= profile.unansweredDialsPerNumberPerDay()) {
      return new Refusal("UNANSWERED_DAILY_CAP", nextDay);
    }
    return null;
  }

  private static Refusal dailyCap(Instant time, Input input, int perDay, String reason) {
    LocalDate day = time.atZone(input.zone()).toLocalDate();
    Instant dayStart = startOf(day, input.zone());
    Instant nextDay = startOf(day.plusDays(1), input.zone());
    long sent = input.sent().stream()
        .filter(s -> !s.at().isBefore(dayStart) && s.at().isBefore(nextDay))
        .map(Sent::capKey)
        .filter(key -> !key.equals(input.capKey()))
        .distinct()
        .count();
    return sent >= perDay ? new Refusal(reason, nextDay) : null;
  }

  /**
   * When {@code time} falls into quiet hours in {@code zone}: the instant they end; otherwise null. Start inclusive,
   * end exclusive; a start after the end spans midnight (21:00–08:00); equal start and end mean no quiet hours.
   */
  static Instant quietHoursEnd(Instant time, ZoneId zone, LocalTime start, LocalTime end) {
    if (start.equals(end)) {
      return null;
    }
    ZonedDateTime local = time.atZone(zone);
    LocalTime clock = local.toLocalTime();
    LocalDate today = local.toLocalDate();
    if (start.isAfter(end)) {
      if (!clock.isBefore(start)) {
        return ZonedDateTime.of(today.plusDays(1), end, zone).toInstant();
      }
      if (clock.isBefore(end)) {
        return ZonedDateTime.of(today, end, zone).toInstant();
      }
      return null;
    }
    return !clock.isBefore(start) && clock.isBefore(end) ? ZonedDateTime.of(today, end, zone).toInstant() : null;
  }

  private static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }
}
