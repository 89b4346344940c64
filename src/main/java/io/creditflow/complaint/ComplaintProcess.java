package io.creditflow.complaint;

/** The {@code complaintResolution} process (business key = complaint id), processes/complaint-resolution.bpmn. */
public final class ComplaintProcess {

  public static final String COMPLAINT_ID = "complaintId";
  public static final String LOAN_NUMBER = "loanNumber";
  /** Start-form fields (Tasklist registration). */
  public static final String FORM_NATIONAL_ID = "customerNationalId";
  public static final String FORM_DESCRIPTION = "complaintDescription";
  public static final String FORM_CHANNEL = "complaintChannel";
  public static final String FORM_CATEGORY = "complaintCategory";
  public static final String FORM_SEVERITY = "complaintSeverity";
  public static final String FORM_DISPUTES_DEBT = "disputesDebt";
  public static final String FORM_LANGUAGE = "preferredLanguage";
  public static final String REGISTERED_BY = "registeredBy";

  /** Triage outputs and deadlines. */
  public static final String CATEGORY = "category";
  public static final String HANDLING_GROUP = "handlingGroup";
  public static final String TASK_PRIORITY = "taskPriority";
  public static final String COLLECTION_HOLD = "collectionHold";
  public static final String DUE_BY = "dueBy";
  public static final String REMINDER_AT = "reminderAt";
  public static final String ESCALATION_AT = "escalationAt";
  public static final String IN_PROGRESS_AT = "inProgressAt";
  public static final String IN_PROGRESS_NOTICE_REQUIRED = "inProgressNoticeRequired";
  public static final String FEEDBACK_UNTIL = "feedbackUntil";

  /** Task_Investigate's form. */
  public static final String INVESTIGATION_RESULT = "investigationResult";
  public static final String OUTCOME = "outcome";
  public static final String REMEDY_REFUND = "remedyRefund";
  public static final String REMEDY_FEE_WAIVER = "remedyFeeWaiver";
  public static final String REMEDY_CREDIT_CORRECTION = "remedyCreditCorrection";
  public static final String REMEDY_APOLOGY = "remedyApology";
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String RESOLUTION_NOTE = "resolutionNote";
  public static final String SUMMARY_RESOLUTION = "summaryResolution";
  /** Task_ApproveExtension's form. */
  public static final String EXTENSION_APPROVED = "extensionApproved";
  public static final String MANAGER_NOTE = "managerNote";
  /** Feedback message. */
  public static final String MESSAGE_FEEDBACK = "ComplaintFeedbackReceived";
  public static final String FEEDBACK_SATISFIED = "feedbackSatisfied";

  public static final String RESOLVE = "RESOLVE";
  public static final String REQUEST_EXTENSION = "REQUEST_EXTENSION";

  static final String TASK_INVESTIGATE = "Task_Investigate";

  private ComplaintProcess() {}
}
