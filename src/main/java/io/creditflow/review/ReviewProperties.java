package io.creditflow.review;

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
 */
@Validated
@ConfigurationProperties("creditflow.review")
public record ReviewProperties(
    @DefaultValue("3") @Min(1) @Max(24) int intervalMonths,
    @DefaultValue("50000") @DecimalMin("0") BigDecimal approvalThreshold,
    @DefaultValue("2") @Min(1) int lateInstalmentsWarning,
    @DefaultValue("6") @Min(1) @Max(24) int lateWindowMonths,
    @DefaultValue("zh-CN") @NotBlank String noticeLanguage) {}
