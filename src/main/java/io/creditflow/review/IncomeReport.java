package io.creditflow.review;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A monthly income reported after origination ({@code cf_income_report}), compared with the customer's previous
 * figure (the last earlier report, else the income declared on the latest disbursed application). A drop of at least
 * {@code creditflow.review.income-drop-warning} is the early-warning signal {@code INCOME_DROP}. Append-only.
 */
@Entity
@Table(name = "cf_income_report")
public class IncomeReport extends AssignedIdEntity {

  @Column(name = "report_reference", nullable = false, length = 64, updatable = false)
  private String reportReference;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(name = "monthly_income", nullable = false, precision = 15, scale = 2, updatable = false)
  private BigDecimal monthlyIncome;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private IncomeSource source;

  @Column(name = "effective_date", nullable = false, updatable = false)
  private LocalDate effectiveDate;

  @Column(name = "baseline_income", precision = 15, scale = 2, updatable = false)
  private BigDecimal baselineIncome;

  @Column(name = "change_ratio", precision = 9, scale = 4, updatable = false)
  private BigDecimal changeRatio;

  @Column(name = "income_drop", nullable = false, updatable = false)
  private boolean incomeDrop;

  @Column(name = "reported_by", nullable = false, length = 64, updatable = false)
  private String reportedBy;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  protected IncomeReport() {}

  IncomeReport(String reportReference, String customerId, BigDecimal monthlyIncome, String currency,
      IncomeSource source, LocalDate effectiveDate, BigDecimal baselineIncome, BigDecimal changeRatio,
      boolean incomeDrop, String reportedBy, Instant receivedAt) {
    this.id = UUID.randomUUID().toString();
    this.reportReference = reportReference;
    this.customerId = customerId;
    this.monthlyIncome = monthlyIncome;
    this.currency = currency;
    this.source = source;
    this.effectiveDate = effectiveDate;
    this.baselineIncome = baselineIncome;
    this.changeRatio = changeRatio;
    this.incomeDrop = incomeDrop;
    this.reportedBy = reportedBy;
    this.receivedAt = receivedAt;
  }

  /** Whether this report says the same as the given figures (an idempotent repeat). */
  boolean sameAs(String customerId, BigDecimal monthlyIncome, String currency, IncomeSource source,
      LocalDate effectiveDate) {
    return this.customerId.equals(customerId) && this.monthlyIncome.compareTo(monthlyIncome) == 0
        && this.currency.equals(currency) && this.source == source && this.effectiveDate.equals(effectiveDate);
  }

  public String getReportReference() { return reportReference; }
  public String getCustomerId() { return customerId; }
  public BigDecimal getMonthlyIncome() { return monthlyIncome; }
  public String getCurrency() { return currency; }
  public IncomeSource getSource() { return source; }
  public LocalDate getEffectiveDate() { return effectiveDate; }
  public BigDecimal getBaselineIncome() { return baselineIncome; }
  /** (income − baseline) / baseline, 4 decimals; negative for a drop; null without a baseline. */
  public BigDecimal getChangeRatio() { return changeRatio; }
  public boolean isIncomeDrop() { return incomeDrop; }
  public String getReportedBy() { return reportedBy; }
  public Instant getReceivedAt() { return receivedAt; }
}
