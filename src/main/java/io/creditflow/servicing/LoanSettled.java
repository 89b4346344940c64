package io.creditflow.servicing;

import java.time.LocalDate;

/**
 * Published, inside the booking transaction, when a payment settles a loan in full. Listeners that write (the
 * settlement notice, the bureau's SETTLED record) join that transaction: they commit or roll back with the payment.
 * Loans settled by the close of business are handled by its step 4 instead.
 *
 * @param settledOn the value date of the payment that settled it
 */
public record LoanSettled(String loanNumber, String customerId, LocalDate settledOn, String how) {}
