package io.creditflow.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Promotion campaigns ({@code creditflow.campaigns.*}). The compliance thresholds themselves (longest duration,
 * largest discount, budget range, ...) are analyst rules in {@code processes/campaign/campaign-rules.dmn}.
 *
 * @param maxCheckRuns      the automatic checks may fail this many times; a campaign failing them once more is
 *                          rejected instead of returned to marketing again
 * @param budgetCorrelationAttempts attempts to deliver {@code CampaignBudgetExhausted} when the engine reports a
 *                          concurrent change of the campaign's process instance
 */
@Validated
@ConfigurationProperties("creditflow.campaigns")
public record CampaignProperties(
    @DefaultValue("3") @Min(1) @Max(20) int maxCheckRuns,
    @DefaultValue("3") @Min(1) @Max(10) int budgetCorrelationAttempts) {}
