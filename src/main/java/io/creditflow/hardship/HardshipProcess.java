package io.creditflow.hardship;

/**
 * The {@code hardshipAssessment} process (business key = loan number), as far as others start and read it
 * (processes/hardship-assessment.bpmn).
 */
public final class HardshipProcess {

  /** Variables set at start. */
  public static final String REQUEST_ID = "requestId";
  public static final String LOAN_NUMBER = "loanNumber";

  /** Decision outputs. */
  public static final String DECISION = "hardshipDecision";
  public static final String DECLINE_REASON = "hardshipDeclineReason";
  public static final String NEW_REMAINING_MONTHS = "newRemainingMonths";

  /** Set by Task_PrepareOptions: whether the reduced-instalment option exists. */
  public static final String REDUCED_OPTION_POSSIBLE = "reducedOptionPossible";

  static final String TASK_ASSESS = "Task_AssessHardship";

  private HardshipProcess() {}
}
