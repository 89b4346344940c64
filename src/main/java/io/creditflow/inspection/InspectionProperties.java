package io.creditflow.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Post-loan self-inspection ({@code creditflow.inspection.*}).
 *
 * @param quarterlyEnabled   whether the quarterly timer starts an inspection; when false a timer-started instance ends
 *                           at once (the timer stays in the model). Off in tests
 * @param cron               when the quarterly inspection starts (Camunda/Quartz cron, seconds first, engine JVM zone).
 *                           Read when {@code post-loan-inspection.bpmn} is deployed
 * @param sampleSize         loans drawn by a timer-started inspection (a manual start may ask for another size)
 * @param remediationDueDays a remediation task is due this many days after the finding
 * @param remediationGroups  the group that remediates a failed item; items not named fall back to the defaults
 *                           (fund usage: risk-managers; documents and repayment capacity: credit-officers; contact
 *                           records: senior-collectors)
 */
@Validated
@ConfigurationProperties("creditflow.inspection")
public record InspectionProperties(
    @DefaultValue("true") boolean quarterlyEnabled,
    @DefaultValue("0 0 8 1 1,4,7,10 ?") @NotBlank String cron,
    @DefaultValue("20") @Min(1) @Max(InspectionService.MAX_SAMPLE_SIZE) int sampleSize,
    @DefaultValue("14") @Min(1) @Max(365) int remediationDueDays,
    Map<ChecklistItem, String> remediationGroups) {

  static final Map<ChecklistItem, String> DEFAULT_GROUPS = Map.of(
      ChecklistItem.FUND_USAGE, "risk-managers",
      ChecklistItem.DOCUMENTS, "credit-officers",
      ChecklistItem.REPAYMENT_CAPACITY, "credit-officers",
      ChecklistItem.CONTACT_RECORDS, "senior-collectors");

  public InspectionProperties {
    Map<ChecklistItem, String> groups = new EnumMap<>(DEFAULT_GROUPS);
    if (remediationGroups != null) {
      remediationGroups.forEach((item, group) -> {
        if (group != null && !group.isBlank()) {
          groups.put(item, group);
        }
      });
    }
    remediationGroups = Map.copyOf(groups);
  }

  /** The group that remediates a failed item. */
  public String groupFor(ChecklistItem item) {
    return remediationGroups.get(item);
  }
}
