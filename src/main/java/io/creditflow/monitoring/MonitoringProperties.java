package io.creditflow.monitoring;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fund-usage monitoring ({@code creditflow.monitoring.*}).
 *
 * @param noticeLanguage language of customer notices when the customer's preferred language is not known
 */
@Validated
@ConfigurationProperties("creditflow.monitoring")
public record MonitoringProperties(@DefaultValue("zh-CN") @NotBlank String noticeLanguage) {}
