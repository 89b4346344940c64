package io.creditflow.contact;

import java.time.Instant;

/**
 * The lawful-contact policy. Every outbound contact (SMS, e-mail, letter, call, field visit) is decided here before
 * it goes, and every decision is written to the loan's contact history. Rules come from DMN and configuration with
 * a jurisdiction profile chosen by configuration. A blocked contact is deferred by the caller to
 * {@link ContactDecision#notBefore()} (a timer in the process, a later {@code notBefore} in the outbox), never
 * dropped. All methods join the caller's transaction.
 */
public interface ContactPolicy {

  /** Decides whether the contact may happen at {@code request.at()} and records the decision. */
  ContactDecision decide(ContactRequest request);

  /**
   * Records a call attempt or field visit that happened (for the frequency caps and the contact history).
   *
   * @param decisionId the decision that allowed it (from {@link #decide})
   * @param phoneRef   which number was dialled, as a reference (e.g. {@code "mobile"}), never the number itself
   */
  void recordCall(String loanNumber, String decisionId, CallOutcome outcome, String phoneRef, String actor,
      Instant at);

  /**
   * Puts the loan on hold (no contact at all) for {@code source} (e.g. {@code "complaint:CMP-1"},
   * {@code "hardship:HR-1"}); several sources may hold one loan, and contact resumes only when all released.
   * Idempotent per source.
   */
  void hold(String loanNumber, String source, String reason, Instant at);

  /** Releases {@code source}'s hold; true when the loan has no hold left. Idempotent. */
  boolean release(String loanNumber, String source, Instant at);

  /** Whether any source holds the loan. */
  boolean onHold(String loanNumber);
}
