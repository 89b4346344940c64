package io.creditflow.collection;

/**
 * The {@code collection} process (processes/collection.bpmn; business key = loan number, at most one active per
 * loan), as far as others start, message and read it.
 */
public final class CollectionProcess {

  /** Variables set at start (close of business step 3). */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String DAYS_PAST_DUE = "daysPastDue";
  public static final String BUSINESS_DATE = "businessDate";

  /** The case record (cf_collection_case) of this instance. */
  public static final String CASE_ID = "caseId";

  /**
   * Inputs of the DMN collectionStrategy (set by Task_GatherFacts as transient variables: read by Task_ChooseStrategy
   * in the same transaction, never stored) and its output.
   */
  public static final String RISK_GRADE = "riskGrade";
  public static final String BEHAVIOUR_SCORE = "behaviourScore";
  public static final String OVERDUE_AMOUNT = "overdueAmount";
  public static final String EARLIER_CURES = "earlierCures";
  public static final String STRATEGY = "strategy";

  /** Set by Task_PlanNextStep. */
  public static final String STAGE = "stage";
  public static final String NEXT_ACTION = "nextAction";
  public static final String NEXT_CHECK_AT = "nextCheckAt";
  public static final String PROMISE_CHECK_AT = "promiseCheckAt";
  public static final String CASE_OUTCOME = "caseOutcome";
  public static final String CALL_GROUP = "callGroup";

  /** Set by Task_CheckCallAllowed. */
  public static final String CALL_DECISION = "callDecision";
  public static final String CALL_NOT_BEFORE = "callNotBefore";
  public static final String CALL_ALLOWED_REASON = "callAllowedReason";
  public static final String CONTACT_DECISION_ID = "contactDecisionId";

  /** What the collector records on Task_CallCustomer (form Form_CollectionCall). */
  public static final String CALL_OUTCOME = "callOutcome";
  public static final String PROMISED_DATE = "promisedDate";
  /** CALL (default) or, in the senior escalation stage, FIELD_VISIT: how the collector reached the borrower. */
  public static final String CONTACT_METHOD = "contactMethod";
  public static final String PROMISED_AMOUNT = "promisedAmount";
  public static final String HARDSHIP_REASON = "hardshipReason";
  public static final String REQUESTED_EXTENSION_MONTHS = "requestedExtensionMonths";
  /** Kept after the call: its outcome and who made it. */
  public static final String LAST_CALL_OUTCOME = "lastCallOutcome";
  public static final String LAST_COLLECTOR = "lastCollector";

  /** Task_ReviewDispute (form Form_CollectionDisputeReview). */
  public static final String DISPUTE_OUTCOME = "disputeOutcome";
  public static final String DISPUTE_REVIEWED_BY = "disputeReviewedBy";

  /** Set by Task_ApplyPayment and Task_RecordPayment: whether anything is still past due. */
  public static final String STILL_PAST_DUE = "stillPastDue";
  /** Set by Task_RecordPayment: a {@link PaymentEffect} name. */
  public static final String PAYMENT_EFFECT = "paymentEffect";

  /** Variables of PaymentReceived (see servicing's PaymentCorrelator). */
  public static final String PAYMENT_REFERENCE = "paymentReference";
  public static final String AMOUNT = "amount";

  /** Messages, correlated with business key = loan number. */
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
  public static final String MESSAGE_HOLD = "CollectionHold";
  public static final String MESSAGE_RELEASE = "CollectionRelease";
  /**
   * Start message of the close of business's group of starts: the case runs through its first plan in the caller's
   * transaction (StartEvent_PastDueAtCob). Any other start uses the blank start event, whose job gathers the facts.
   */
  public static final String MESSAGE_PAST_DUE_AT_COB = "PastDueAtCloseOfBusiness";

  /** Values of {@link #NEXT_ACTION}. */
  static final String ACTION_LEAVE = "LEAVE";
  static final String ACTION_WAIT = "WAIT";
  static final String ACTION_CALL = "CALL";
  static final String ACTION_AWAIT_PROMISE = "AWAIT_PROMISE";

  /** Values of {@link #CASE_OUTCOME} (why the case sub-process was left). */
  static final String LEFT_CURED = "CURED";
  static final String LEFT_LEGAL = "LEGAL";
  static final String LEFT_CLOSED = "CLOSED";
  static final String LEFT_HOLD = "HOLD";
  static final String LEFT_PAYMENT_PLAN = "PAYMENT_PLAN";
  static final String LEFT_DISPUTE = "DISPUTE";

  /** Values of {@link #CALL_DECISION}. */
  static final String CALL_ALLOWED = "ALLOWED";
  static final String CALL_DEFERRED = "DEFERRED";
  static final String CALL_SKIPPED = "SKIPPED";
  static final String CALL_ON_HOLD = "ON_HOLD";

  /** Element ids the tests and others refer to. */
  public static final String TASK_CALL_CUSTOMER = "Task_CallCustomer";
  public static final String TASK_REVIEW_DISPUTE = "Task_ReviewDispute";

  private CollectionProcess() {}
}
