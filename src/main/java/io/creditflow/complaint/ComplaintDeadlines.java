package io.creditflow.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The deadlines of one complaint under its {@link Jurisdiction}: acknowledgement and summary resolution in business
 * days of the {@link BusinessCalendar}, the final response in calendar time from receipt, and the reminder and
 * escalation points at {@code reminder-ratio} and {@code escalation-ratio} of the time to the final deadline.
 */
@Component
public class ComplaintDeadlines {

  /**
   * @param acknowledgeBy close of the {@code acknowledgement-business-days}-th business day after receipt
   * @param summaryBy     UK: close of the 3rd business day after the day of receipt; else null
   * @param inProgressBy  US: when an "in progress" response is due if there is no final one; else null
   * @param dueBy         the final response
   * @param reminderAt    the handling group is reminded
   * @param escalationAt  complaint-managers get an escalation task
   */
  public record Deadlines(Instant acknowledgeBy, Instant summaryBy, Instant inProgressBy, Instant dueBy,
      Instant reminderAt, Instant escalationAt) {}

  private final BusinessCalendar calendar;
  private final ComplaintProperties properties;

  ComplaintDeadlines(BusinessCalendar calendar, ComplaintProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  /** The deadlines of a complaint received at {@code receivedAt}; {@code extended}: the longer CN deadline. */
  public Deadlines of(Jurisdiction jurisdiction, Instant receivedAt, boolean extended) {
    if (extended && jurisdiction.extendedFinalResponse() == null) {
      throw new ComplaintRuleViolation("Jurisdiction " + jurisdiction + " has no extended deadline.");
    }
    Instant received = receivedAt.truncatedTo(ChronoUnit.SECONDS);
    LocalDate day = calendar.dateOf(received);
    Instant acknowledgeBy = calendar.closeOfBusiness(
        calendar.businessDaysAfter(day, properties.acknowledgementBusinessDays()));
    Instant summaryBy = jurisdiction.summaryResolutionBusinessDays() == 0 ? null
        : calendar.closeOfBusiness(calendar.businessDaysAfter(day, jurisdiction.summaryResolutionBusinessDays()));
    Instant inProgressBy = jurisdiction.inProgressResponse() == null ? null
        : received.atZone(calendar.zone()).plus(jurisdiction.inProgressResponse()).toInstant();
    Instant dueBy = received.atZone(calendar.zone())
        .plus(extended ? jurisdiction.extendedFinalResponse() : jurisdiction.finalResponse()).toInstant();
    Duration span = Duration.between(received, dueBy);
    return new Deadlines(acknowledgeBy, summaryBy, inProgressBy, dueBy, share(received, span,
        properties.reminderRatio()), share(received, span, properties.escalationRatio()));
  }

  private static Instant share(Instant from, Duration span, double ratio) {
    return from.plusSeconds(Math.round(span.toSeconds() * ratio));
  }
}
