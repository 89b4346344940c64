package io.creditflow.bureau;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bureau reporting records ({@code creditflow.bureau.reporting.*}).
 *
 * @param maxRangeDays the longest as-of range, in days (both ends included), that one listing or export may cover
 * @param maxRows      the most records one listing returns; a wider listing is refused (400) and must be narrowed
 */
@Validated
@ConfigurationProperties("creditflow.bureau.reporting")
public record BureauReportingProperties(
    @DefaultValue("366") @Min(1) @Max(3660) int maxRangeDays,
    @DefaultValue("50000") @Min(1) int maxRows) {}
