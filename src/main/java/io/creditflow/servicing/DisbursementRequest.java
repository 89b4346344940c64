package io.creditflow.servicing;

import java.math.BigDecimal;

/**
 * What the origination process asks the ledger to book when a loan is disbursed.
 *
 * @param applicationId      the approved application; also the idempotency key of the disbursement
 * @param customerId         the customer's id (36 characters at most)
 * @param currency           ISO 4217 code, e.g. CNY
 * @param creditLimit        the approved limit of the new credit line, whole cents
 * @param amount             the amount lent now, whole cents, positive and within the limit
 * @param termMonths         number of monthly instalments, 1 to {@value DisbursementService#MAX_TERM_MONTHS}
 * @param annualRate         nominal rate a year as a decimal fraction (0.0720 = 7.20 %), at most 6 decimals
 * @param interestFreeMonths leading instalments without interest, 0 to termMonths − 1
 * @param riskGrade          A to E
 */
public record DisbursementRequest(String applicationId, String customerId, String currency, BigDecimal creditLimit,
    BigDecimal amount, int termMonths, BigDecimal annualRate, int interestFreeMonths, String riskGrade) {}
