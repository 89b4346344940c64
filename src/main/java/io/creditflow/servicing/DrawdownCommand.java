package io.creditflow.servicing;

import io.creditflow.origination.LoanPurpose;
import java.math.BigDecimal;

/**
 * A customer's request for a further loan on a credit line.
 *
 * @param drawdownReference the caller's id of the request (idempotency key), 1 to 64 characters
 * @param amount            positive, whole cents, within the line's available amount and the caps
 * @param termMonths        1 to {@value DisbursementService#MAX_TERM_MONTHS}
 * @param purpose           what the money is for; prohibited purposes are refused
 */
public record DrawdownCommand(String drawdownReference, BigDecimal amount, int termMonths, LoanPurpose purpose) {}
