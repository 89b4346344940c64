package io.creditflow.monitoring;

/** A stored report, and whether this call stored it ({@code false}: the same report was delivered before). */
public record FundUsageResult(FundUsageReport report, boolean created) {}
