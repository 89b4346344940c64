package io.creditflow.inspection;

import io.creditflow.identity.ProcessKeys;

/** Process {@code postLoanInspection}: its key, start message and variables. */
public final class PostLoanInspection {

  public static final String PROCESS_KEY = ProcessKeys.POST_LOAN_INSPECTION;
  /** Message of the manual start event (no none start event beside a timer start event in Camunda 7). */
  public static final String START_MESSAGE = "InspectionRequested";
  public static final String TIMER = "timer";

  public static final String INSPECTION_ID = "inspectionId";
  public static final String SAMPLE_SIZE = "sampleSize";
  public static final String TRIGGERED_BY = "triggeredBy";
  /** Element variable of the per-loan sub-process. */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String INSPECTED_BY = "inspectedBy";
  public static final String FAILED_COUNT = "failedCount";
  public static final String REMEDIATION_DUE = "remediationDue";
  /** Element variable of the remediation tasks: a {@link ChecklistItem} name. */
  public static final String CHECKLIST_ITEM = "checklistItem";
  public static final String REMEDIATION_COMMENT = "remediationComment";

  private PostLoanInspection() {}
}
