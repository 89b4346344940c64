package io.creditflow.origination;

import java.math.BigDecimal;

/**
 * The most a person may approve: limit from the terms matrix capped by what the debt-to-income cap allows,
 * maximum term and price for the grade.
 */
public record SuggestedTerms(BigDecimal limit, int maxTermMonths, BigDecimal annualRate, BigDecimal minAnnualRate) {}
