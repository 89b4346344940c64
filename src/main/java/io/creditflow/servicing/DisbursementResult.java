package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What was booked for an application.
 *
 * @param loanNumber       the new loan
 * @param creditLineId     the credit line opened for the application
 * @param firstDueDate     due date of the first instalment
 * @param firstInstalment  total of the first instalment (principal + interest)
 * @param creditLimit      the line's limit
 * @param availableAmount  what remains to draw on the line
 * @param alreadyDisbursed true when the application had been disbursed before and this call booked nothing; the loan
 *                         fields then describe that first booking and the line's amounts are as they stand now
 */
public record DisbursementResult(String loanNumber, String creditLineId, LocalDate firstDueDate,
    BigDecimal firstInstalment, BigDecimal creditLimit, BigDecimal availableAmount, boolean alreadyDisbursed) {}
