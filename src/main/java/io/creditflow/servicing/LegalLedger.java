package io.creditflow.servicing;

import java.math.BigDecimal;

/**
 * The ledger's side of a legal case (process {@code legalHandover}). Each call joins the caller's transaction, is
 * stamped with the engine clock, written to the audit trail with actor and reason, and is idempotent: a retried job
 * changes nothing more.
 */
public interface LegalLedger {

  /** The loan is handed to legal: status IN_LEGAL (from ACTIVE, DELINQUENT or RESTRUCTURED). */
  void moveToLegal(String loanNumber, String reason, String actor);

  /** Legal hands the loan back to collection: DELINQUENT or ACTIVE by its days past due. No-op unless IN_LEGAL. */
  void returnFromLegal(String loanNumber, String reason, String actor);

  /**
   * Forgives what the loan still owes (a settlement or judgment reached): status SETTLED, the amount recorded as
   * forgiven on the loan, a {@link LoanSettled} event (settlement notice, SETTLED bureau record). Returns the amount
   * forgiven; 0 when the loan was already SETTLED.
   */
  BigDecimal forgive(String loanNumber, String reason, String actor);

  /**
   * Writes the loan's balance off: status WRITTEN_OFF, the balance kept as its charged-off balance, which later
   * payments reduce as recoveries. Returns the amount written off (the same again on a repeat).
   */
  BigDecimal writeOff(String loanNumber, String reason, String actor);
}
