package io.creditflow.origination;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the customer is offered: a credit line and a first drawdown with its price and instalment. */
public record Offer(BigDecimal creditLimit, BigDecimal amount, int termMonths, BigDecimal annualRate,
    int interestFreeMonths, BigDecimal monthlyInstalment, List<Promotion> promotions, Instant expiresAt) {}
