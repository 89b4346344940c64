package io.creditflow.inspection;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collections of {@code postLoanInspection}, read from the database so that no list is kept in
 * process variables: the sample's loan numbers and a loan's failed items.
 */
@Component("inspectionSample")
public class InspectionSample {

  private final InspectionService inspections;

  InspectionSample(InspectionService inspections) {
    this.inspections = inspections;
  }

  /** The sample's loan numbers, in drawing order: one checklist sub-process each. */
  public List<String> loans(String inspectionId) {
    return inspections.sample(inspectionId);
  }

  /** The failed items of a loan: one remediation task each. */
  public List<String> failedItems(String inspectionId, String loanNumber) {
    return inspections.failedItems(inspectionId, loanNumber);
  }
}
