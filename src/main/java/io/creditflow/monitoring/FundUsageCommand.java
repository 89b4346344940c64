package io.creditflow.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fund-usage report as the payment network sends it.
 *
 * @param reportReference the network's id of the report (idempotency key), 1 to 64 characters
 * @param merchantCategory what the money was spent on
 * @param counterparty     who received it (free text, at most 100 characters; never logged)
 * @param amount           positive, whole cents, in the loan's currency
 * @param occurredAt       when the payment happened, not in the future
 */
public record FundUsageCommand(String reportReference, MerchantCategory merchantCategory, String counterparty,
    BigDecimal amount, Instant occurredAt) {}
