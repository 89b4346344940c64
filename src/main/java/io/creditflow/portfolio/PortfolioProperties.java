package io.creditflow.portfolio;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Portfolio early warning ({@code creditflow.portfolio.*}).
 *
 * @param dailyEnabled whether the daily timer computes a snapshot; when false a timer-started instance ends at once
 *                     (the timer stays in the model). Off in tests, which move the clock by days
 * @param cron         when the daily snapshot is computed (Camunda/Quartz cron, seconds first, engine JVM time zone);
 *                     after the close of business (00:30) so that it sees the closed ledger. Read when
 *                     {@code portfolio-early-warning.bpmn} is deployed
 */
@Validated
@ConfigurationProperties("creditflow.portfolio")
public record PortfolioProperties(
    @DefaultValue("true") boolean dailyEnabled,
    @DefaultValue("0 0 6 * * ?") @NotBlank String cron) {}
