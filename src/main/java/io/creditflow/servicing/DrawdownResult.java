package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A drawdown and the loan it booked: the schedule summary and the line's available amount after it (as it stands
 * now on a repeat, {@code created = false}).
 */
public record DrawdownResult(Drawdown drawdown, BigDecimal annualRate, LocalDate firstDueDate,
    BigDecimal firstInstalment, LocalDate maturityDate, BigDecimal availableAmount, boolean created) {}
