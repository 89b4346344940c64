package io.creditflow.legal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the legal process ({@code creditflow.legal.*}).
 *
 * @param settlementMaxDays the latest deadline a lawyer may give a settlement offer, in days from today
 * @param hearingHour       the hour (business zone) on the hearing date when the judgment task opens
 */
@Validated
@ConfigurationProperties("creditflow.legal")
public record LegalProperties(
    @DefaultValue("90") @Min(1) @Max(365) int settlementMaxDays,
    @DefaultValue("9") @Min(0) @Max(23) int hearingHour) {}
