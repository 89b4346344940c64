package io.creditflow.inspection;

import org.springframework.stereotype.Component;

/**
 * Settings the {@code postLoanInspection} model reads in expressions: the timer's cron (read at deployment, so this
 * bean depends on nothing but properties) and the group that remediates an item.
 */
@Component("inspectionSettings")
public class InspectionSettings {

  private final InspectionProperties properties;

  InspectionSettings(InspectionProperties properties) {
    this.properties = properties;
  }

  /** Cron of the quarterly timer start event. */
  public String getCron() {
    return properties.cron();
  }

  /** The candidate group of the remediation task of an item. */
  public String groupFor(String item) {
    return properties.groupFor(InspectionService.item(item));
  }
}
