package io.creditflow.cob;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily close of business ({@code creditflow.cob.*}).
 *
 * @param dailyEnabled       whether the daily timer closes business dates; when false a timer-started instance ends at
 *                           once (the timer stays in the model). Off in tests that move the clock by days
 * @param cron               when the daily run starts (Camunda/Quartz cron, seconds first, engine JVM time zone); it
 *                           closes "yesterday" in the business zone. Read when {@code close-of-business.bpmn} is
 *                           deployed: a change takes effect with the next deployment of the model
 * @param chunkSize          loans per chunk (at most 1,000, the ledger's page limit); each chunk is one job
 * @param reminderDaysAhead  pre-due reminders go out for instalments due this many days after the business date
 * @param collectionGraceDays a loan goes to collection when its days past due first exceed this (independent of
 *                           {@code creditflow.servicing.grace-days}, after which the ledger calls it DELINQUENT)
 * @param noticeLanguage     language of notices when the customer's preferred language is not known
 * @param parallelism        loans of a chunk worked at the same time in the steps whose per-loan work is isolated (each
 *                           loan in its own transaction: daily close, collection starts, reviews, early warnings); 1 = one after
 *                           the other. Each parallel loan holds a database connection: keep it well below the pool
 *                           size (Hikari default 10) minus the job executor's threads
 */
@Validated
@ConfigurationProperties("creditflow.cob")
public record CobProperties(
    @DefaultValue("true") boolean dailyEnabled,
    @DefaultValue("0 30 0 * * ?") @NotBlank String cron,
    @DefaultValue("200") @Min(1) @Max(1000) int chunkSize,
    @DefaultValue("3") @Min(0) @Max(60) int reminderDaysAhead,
    @DefaultValue("0") @Min(0) @Max(90) int collectionGraceDays,
    @DefaultValue("zh-CN") @NotBlank String noticeLanguage,
    @DefaultValue("4") @Min(1) @Max(32) int parallelism) {}
