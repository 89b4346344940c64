package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment to book against a loan.
 *
 * @param paymentReference the payer's unique reference (1–64 characters); the idempotency key
 * @param amount           positive, whole cents, at most what the loan owes in total
 * @param valueDate        the day the money was paid, not after today (engine clock, business zone) and not before the
 *                         disbursement
 * @param channel          how it was paid
 */
public record PaymentCommand(String paymentReference, BigDecimal amount, LocalDate valueDate,
    PaymentChannel channel) {}
