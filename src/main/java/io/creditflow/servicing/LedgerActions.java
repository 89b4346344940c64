package io.creditflow.servicing;

import java.math.BigDecimal;

/**
 * Changes to a customer's credit that processes decide (fund-usage investigation, hardship, credit reviews). Each call
 * is one transaction, records who did it and why (limit history, audit trail), and is idempotent where a retried job
 * may repeat it.
 */
public interface LedgerActions {

  /** Stops further drawdowns on the line (status FROZEN). Repeating it changes nothing. */
  void freezeLine(String creditLineId, String reason, String actor);

  /** Lets the line be drawn again (status ACTIVE). */
  void unfreezeLine(String creditLineId, String reason, String actor);

  /**
   * Moves the line's limit up or down; the available amount follows (never below zero when the drawn amount exceeds
   * a lowered limit). Recorded in the limit history with the reason.
   */
  void changeLimit(String creditLineId, BigDecimal newLimit, String reason, String actor);

  /**
   * The whole outstanding balance falls due today (business zone, engine clock): a new schedule version with one
   * instalment due today; the old version is kept. Repeating it on the same day changes nothing.
   */
  void recallLoan(String loanNumber, String reason, String actor);

  /**
   * Restructures a loan in difficulty: the outstanding principal (arrears included) is re-amortised from the next due
   * date over {@code newRemainingMonths} at the loan's rate, as a new schedule version (the old one kept); status
   * RESTRUCTURED; penalties accrued so far stay owed. Returns the new regular instalment.
   */
  BigDecimal restructure(String loanNumber, int newRemainingMonths, String reason, String actor);

  /** The instalment a restructuring over {@code newRemainingMonths} would give, without changing anything. */
  BigDecimal quoteRestructure(String loanNumber, int newRemainingMonths);
}
