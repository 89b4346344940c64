package io.creditflow.review;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Periodic credit-line reviews and early warnings ({@code creditflow.review.*}), run by the close of business.
 *
 * @param intervalMonths         months between two reviews of a line; the first is this long after the line opened
 * @param approvalThreshold      a proposed increase of more than this (new limit minus current) needs a credit officer
 * @param lateInstalmentsWarning this many instalments paid late within {@code lateWindowMonths} raise an early warning
 * @param lateWindowMonths       the window for late instalments of the early warning
 * @param noticeLanguage         language of notices when the customer's preferred language is not known
 * @param firstReviewSpreadDays  a line already past its first review date when the close of business first sees it
 *                               (e.g. a book migrated from another system) is reviewed within this many days,
 *                               spread by line id, instead of every such line on the same night; 0 = at once
 * @param incomeDropWarning      a reported income this much below the previous figure (0.20 = 20 %) is the signal
 *                               INCOME_DROP
 * @param earlyWarningCoolDownDays the same early-warning signals of a loan are not raised again within this many days
 *                               (a new kind of signal is)
 * @param watchlistMonths        a line put on the watchlist by an early-warning review stays on it this long
 * @param watchlistIntervalMonths months between two reviews of a watchlisted line
 */
@Validated
@ConfigurationProperties("creditflow.review")
public record ReviewProperties(
    @DefaultValue("3") @Min(1) @Max(24) int intervalMonths,
    @DefaultValue("50000") @DecimalMin("0") BigDecimal approvalThreshold,
    @DefaultValue("2") @Min(1) int lateInstalmentsWarning,
    @DefaultValue("6") @Min(1) @Max(24) int lateWindowMonths,
    @DefaultValue("zh-CN") @NotBlank String noticeLanguage,
    @DefaultValue("30") @Min(0) @Max(90) int firstReviewSpreadDays,
    @DefaultValue("0.20") @DecimalMin("0.01") @DecimalMax("0.99") BigDecimal incomeDropWarning,
    @DefaultValue("30") @Min(0) @Max(365) int earlyWarningCoolDownDays,
    @DefaultValue("6") @Min(1) @Max(24) int watchlistMonths,
    @DefaultValue("1") @Min(1) @Max(12) int watchlistIntervalMonths) {}
