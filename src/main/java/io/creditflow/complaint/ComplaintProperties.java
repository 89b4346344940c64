package io.creditflow.complaint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Complaints ({@code creditflow.complaints.*}). Which group handles a complaint and whether it holds collection are
 * analyst rules in {@code processes/complaint/complaint-triage.dmn}; the deadlines are the {@link Jurisdiction}'s.
 *
 * @param jurisdiction          the deadline profile: CN, UK or US
 * @param acknowledgementBusinessDays the acknowledgement is due by the close of this business day after receipt
 * @param closeOfBusiness       local time at which a business day ends (business-day deadlines)
 * @param weekend               days of the week that are not business days
 * @param holidays              public holidays (not business days)
 * @param workingDays           weekend dates that are business days (e.g. CN's adjusted working days, 调休)
 * @param reminderRatio         share of the time to the deadline after which the handling group is reminded
 * @param escalationRatio       share after which complaint-managers get an escalation task
 * @param feedbackWindow        how long after the final response the customer may say whether they are satisfied
 * @param keywords              category guessing when the intake gives none: the first category (in this order)
 *                              one of whose keywords the description contains, ignoring case; else OTHER
 */
@Validated
@ConfigurationProperties("creditflow.complaints")
public record ComplaintProperties(
    @DefaultValue("CN") @NotNull Jurisdiction jurisdiction,
    @DefaultValue("1") @Min(1) @Max(10) int acknowledgementBusinessDays,
    @DefaultValue("18:00") @NotNull LocalTime closeOfBusiness,
    @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
    @DefaultValue({}) List<LocalDate> holidays,
    @DefaultValue({}) List<LocalDate> workingDays,
    @DefaultValue("0.5") @DecimalMin("0.1") @DecimalMax("0.95") double reminderRatio,
    @DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("0.99") double escalationRatio,
    @DefaultValue("P14D") @NotNull Duration feedbackWindow,
    Map<ComplaintCategory, List<String>> keywords) {

  public ComplaintProperties {
    weekend = weekend == null ? Set.of() : Set.copyOf(weekend);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    keywords = keywords == null ? Map.of() : new LinkedHashMap<>(keywords);
    if (escalationRatio <= reminderRatio) {
      throw new IllegalArgumentException("creditflow.complaints.escalation-ratio must be above reminder-ratio");
    }
  }

  /** The keyword lists in their configured order. */
  public Map<ComplaintCategory, List<String>> keywordsInOrder() {
    return keywords;
  }
}
