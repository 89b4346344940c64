package io.creditflow.collection;

import java.util.Locale;

/**
 * What was done on a collection case ({@code cf_collection_action.action}). The outward actions carry a unit cost
 * from {@code creditflow.collection.unit-costs.<key>} ({@link #costKey()}, e.g. {@code sms-reminder}); the others
 * cost nothing.
 */
public enum CollectionActionType {
  /** The case opened with its strategy. */
  OPENED,
  SMS_REMINDER,
  EMAIL_REMINDER,
  DEMAND_LETTER,
  /** A call the collector made (outcome = the call outcome). */
  CALL,
  /** A call in the senior escalation stage (a final call; its own unit cost). */
  SENIOR_CALL,
  /** A visit to the borrower in the senior escalation stage, instead of the final call (outcome = its outcome). */
  FIELD_VISIT,
  /** A call the contact policy deferred (outcome = the policy's reason). */
  CALL_DEFERRED,
  /** A call the contact policy refused for good (cease contact): the stage counts as done. */
  CALL_SKIPPED,
  PROMISE_MADE,
  PROMISE_KEPT,
  PROMISE_BROKEN,
  PAYMENT,
  BUREAU_REPORT,
  HOLD,
  RELEASE,
  HARDSHIP_REQUESTED,
  DISPUTE,
  DISPUTE_REVIEWED,
  LEGAL_HANDOVER,
  CURED,
  CLOSED;

  /** The configuration key of the unit cost, e.g. {@code sms-reminder}. */
  public String costKey() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
