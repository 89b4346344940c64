package io.creditflow.servicing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Drawdown caps ({@code creditflow.drawdowns.*}), per credit line, in the line's currency.
 *
 * @param dailyCap   all drawdowns of a line on one business date together at most this
 * @param monthlyCap all drawdowns of a line in one calendar month (business zone) together at most this
 */
@Validated
@ConfigurationProperties("creditflow.drawdowns")
public record DrawdownProperties(
    @DefaultValue("50000.00") @NotNull @DecimalMin("0.00") BigDecimal dailyCap,
    @DefaultValue("200000.00") @NotNull @DecimalMin("0.00") BigDecimal monthlyCap) {}
