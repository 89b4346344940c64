package io.creditflow.inspection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One checklist item of one sampled loan. A failed item has a remediation: the group, the due date and its status
 * (OPEN until the group completes its task, then DONE); a passed item's status is NONE.
 */
public record Finding(String loanNumber, ChecklistItem item, boolean passed, String comment, String remediationGroup,
    LocalDate remediationDue, String remediationStatus, String remediatedBy, Instant remediatedAt,
    String remediationComment) {

  public static final String NONE = "NONE";
  public static final String OPEN = "OPEN";
  public static final String DONE = "DONE";
}
