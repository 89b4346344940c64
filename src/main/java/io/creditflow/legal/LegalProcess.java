package io.creditflow.legal;

/**
 * The {@code legalHandover} process (processes/legal-handover.bpmn; business key = loan number), as far as others
 * start, message and read it. Collection calls it with {@link #LOAN_NUMBER} and {@link #COLLECTION_CASE_ID}.
 */
public final class LegalProcess {

  public static final String KEY = "legalHandover";

  /** Inputs from collection's call activity. */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String COLLECTION_CASE_ID = "collectionCaseId";

  /** Set by Task_OpenCase: the cf_legal_case id. */
  public static final String CASE_ID = "legalCaseId";

  /** Task_LegalReview (form Form_LegalReview). */
  public static final String DECISION = "legalDecision";
  public static final String DECISION_REASON = "decisionReason";
  public static final String SETTLEMENT_AMOUNT = "settlementAmount";
  public static final String SETTLEMENT_DEADLINE = "settlementDeadline";
  /** The settlement deadline's end (Date) for the timers, set from the form. */
  public static final String SETTLEMENT_DUE_AT = "settlementDueAt";

  /** Task_FileLawsuit (form Form_LegalFiling). */
  public static final String COURT = "court";
  public static final String COURT_CASE_NUMBER = "courtCaseNumber";
  public static final String FILING_COSTS = "filingCosts";
  public static final String HEARING_DATE = "hearingDate";
  /** The hearing (Date) for the timer. */
  public static final String HEARING_AT = "hearingAt";

  /** Task_RecordJudgment (form Form_LegalJudgment). */
  public static final String JUDGMENT = "judgment";
  public static final String AWARDED_AMOUNT = "awardedAmount";

  /** Task_Enforce (form Form_LegalEnforcement). */
  public static final String ENFORCEMENT_OUTCOME = "enforcementOutcome";
  public static final String ENFORCEMENT_NOTE = "enforcementNote";
  public static final String ENFORCEMENT_COST = "enforcementCost";

  /** Task_ApproveWriteOff (form Form_LegalWriteOffApproval). */
  public static final String WRITE_OFF_PROPOSED_BY = "writeOffProposedBy";
  public static final String WRITE_OFF_APPROVED = "writeOffApproved";
  public static final String WRITE_OFF_COMMENT = "writeOffComment";

  /** Why the case sub-process ended normally: WRITE_OFF (approved) or RETURN (to collection). */
  public static final String CASE_EXIT = "caseExit";

  /** Set by Task_RecordPayment: PAID_IN_FULL, TERMS_MET or NONE. */
  public static final String PAYMENT_EFFECT = "paymentEffect";

  /** Task-local, shown on the forms. */
  public static final String CASE_SUMMARY = "caseSummary";
  public static final String CASE_FILE_LINK = "caseFileLink";

  /** Messages (business key = loan number). */
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
  public static final String MESSAGE_SETTLEMENT_ACCEPTED = "LegalSettlementAccepted";

  /** Element ids. */
  public static final String TASK_REVIEW = "Task_LegalReview";
  public static final String TASK_FILE_LAWSUIT = "Task_FileLawsuit";
  public static final String TASK_RECORD_JUDGMENT = "Task_RecordJudgment";
  public static final String TASK_ENFORCE = "Task_Enforce";
  public static final String TASK_APPROVE_WRITE_OFF = "Task_ApproveWriteOff";

  /** The contact-policy hold source of a case. */
  static String holdSource(String caseId) {
    return "legal:" + caseId;
  }

  private LegalProcess() {}
}
