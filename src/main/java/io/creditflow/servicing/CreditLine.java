package io.creditflow.servicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's revolving credit line, opened for one approved application. Loans draw on it and reduce the available
 * amount; repayments of principal restore it. Optimistically locked: concurrent drawdowns cannot both spend the same
 * headroom.
 */
@Entity
@Table(name = "cf_credit_line")
public class CreditLine {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "customer_id", nullable = false, length = 36)
  private String customerId;

  @Column(name = "application_id", nullable = false, length = 64, updatable = false)
  private String applicationId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "credit_limit", nullable = false, precision = 19, scale = 2)
  private BigDecimal creditLimit;

  @Column(name = "available_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal availableAmount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CreditLineStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_grade", nullable = false, length = 1)
  private RiskGrade riskGrade;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Version
  private Long version;

  protected CreditLine() {}

  private CreditLine(String customerId, String applicationId, String currency, BigDecimal creditLimit,
      RiskGrade riskGrade, Instant openedAt) {
    this.id = UUID.randomUUID().toString();
    this.customerId = Objects.requireNonNull(customerId);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.currency = Objects.requireNonNull(currency);
    this.creditLimit = Money.exactCents(creditLimit, "creditLimit");
    this.availableAmount = this.creditLimit;
    this.status = CreditLineStatus.ACTIVE;
    this.riskGrade = Objects.requireNonNull(riskGrade);
    this.openedAt = openedAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A new ACTIVE line whose whole limit is available. */
  static CreditLine open(String customerId, String applicationId, String currency, BigDecimal creditLimit,
      RiskGrade riskGrade, Instant openedAt) {
    return new CreditLine(customerId, applicationId, currency, creditLimit, riskGrade, openedAt);
  }

  /** The history entry that records this line's opening limit. */
  CreditLimitChange openingLimitChange(String changedBy) {
    return CreditLimitChange.of(id, null, creditLimit, LimitChangeReason.OPENED, changedBy, openedAt);
  }

  /** Takes {@code amount} off the available amount, for a loan drawn on this line. */
  void drawDown(BigDecimal amount) {
    if (status != CreditLineStatus.ACTIVE) {
      throw new IllegalStateException("credit line " + id + " is " + status + ", not ACTIVE");
    }
    if (amount.signum() <= 0 || amount.compareTo(availableAmount) > 0) {
      throw new IllegalArgumentException("drawdown must be positive and within the available amount");
    }
    availableAmount = Money.cents(availableAmount.subtract(amount));
  }

  /**
   * Gives back {@code amount} of repaid principal to the available amount (revolving line), never above the limit.
   */
  void restore(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("restored amount must not be negative");
    }
    availableAmount = Money.cents(availableAmount.add(amount).min(creditLimit));
  }

  public String getId() { return id; }
  public String getCustomerId() { return customerId; }
  public String getApplicationId() { return applicationId; }
  public String getCurrency() { return currency; }
  public BigDecimal getCreditLimit() { return creditLimit; }
  public BigDecimal getAvailableAmount() { return availableAmount; }
  public CreditLineStatus getStatus() { return status; }
  public RiskGrade getRiskGrade() { return riskGrade; }
  public Instant getOpenedAt() { return openedAt; }
  public Long getVersion() { return version; }
}
