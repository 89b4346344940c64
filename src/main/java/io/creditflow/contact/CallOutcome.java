package io.creditflow.contact;

/**
 * What happened on one call attempt or field visit, as the collector records it. {@link #isConversation()} outcomes
 * count as a conversation with the borrower (no further call for the configured period); the others count as
 * unanswered or failed attempts.
 */
public enum CallOutcome {
  PROMISE_TO_PAY(true),
  PAYMENT_PLAN_REQUEST(true),
  DISPUTE(true),
  REFUSED(true),
  NO_ANSWER(false),
  WRONG_NUMBER(false);

  private final boolean conversation;

  CallOutcome(boolean conversation) {
    this.conversation = conversation;
  }

  public boolean isConversation() {
    return conversation;
  }
}
