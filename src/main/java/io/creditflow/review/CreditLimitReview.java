package io.creditflow.review;

import io.creditflow.identity.ProcessKeys;

/**
 * The {@code creditLimitReview} process (processes/credit-limit-review.bpmn), business key = credit line id: applies
 * the action a periodic review proposed. An increase of more than {@code creditflow.review.approval-threshold} waits
 * for a credit officer; smaller increases, decreases and freezes apply at once. The customer is told why.
 */
public final class CreditLimitReview {

  public static final String PROCESS_KEY = ProcessKeys.CREDIT_LIMIT_REVIEW;

  /** Variables set at start: ids, amounts as plain decimal strings, decision outputs. */
  public static final String CREDIT_LINE_ID = "creditLineId";
  public static final String REVIEW_DATE = "reviewDate";
  public static final String ACTION = "limitAction";
  public static final String CURRENT_LIMIT = "currentLimit";
  public static final String PROPOSED_LIMIT = "proposedLimit";
  public static final String CURRENCY = "currency";
  public static final String REASON_CODE = "reasonCode";
  public static final String REASON_TEXT = "reasonText";
  public static final String BEHAVIOUR_SCORE = "behaviourScore";
  public static final String BUREAU_SCORE = "bureauScore";
  /** Whether a credit officer must approve (gateway). */
  public static final String APPROVAL_REQUIRED = "approvalRequired";

  /** What the credit officer records on the task. */
  public static final String DECISION = "limitIncreaseDecision";
  public static final String COMMENT = "approvalComment";
  /** The user who approved or declined, or {@link #SYSTEM} when applied at once. */
  public static final String DECIDED_BY = "decidedBy";
  public static final String SYSTEM = "system:credit-review";

  /** The decisions of {@code Task_ApproveLimitIncrease}. */
  public enum Decision { APPROVE, DECLINE }

  /** Notification type of the customer's notice. */
  public static final String NOTICE = "CREDIT_LIMIT_REVIEWED";

  private CreditLimitReview() {}
}
