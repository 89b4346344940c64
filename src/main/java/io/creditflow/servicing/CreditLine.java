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
import java.util.Optional;
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

  /** Principal lent on this line and not yet repaid; the available amount is the limit minus this, never below 0. */
  @Column(name = "drawn_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal drawnAmount;

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
    this.drawnAmount = Money.ZERO;
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
    drawnAmount = Money.cents(drawnAmount.add(amount));
    availableAmount = Money.cents(availableAmount.subtract(amount));
  }

  /**
   * Gives back {@code amount} of repaid principal to the available amount (revolving line), never above the limit:
   * available = limit − still drawn, never below 0 (a limit lowered below the drawn amount leaves nothing available
   * until enough is repaid).
   */
  void restore(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("restored amount must not be negative");
    }
    drawnAmount = Money.cents(drawnAmount.subtract(amount).max(Money.ZERO));
    availableAmount = available();
  }

  /** FROZEN: no further drawdowns. Returns false when it already was. Only an ACTIVE or FROZEN line can be frozen. */
  boolean freeze() {
    if (status == CreditLineStatus.FROZEN) {
      return false;
    }
    if (status != CreditLineStatus.ACTIVE) {
      throw new IllegalStateException("credit line " + id + " is " + status + " and cannot be frozen");
    }
    status = CreditLineStatus.FROZEN;
    return true;
  }

  /** ACTIVE again. Returns false when it already was. A CLOSED line stays closed. */
  boolean unfreeze() {
    if (status == CreditLineStatus.ACTIVE) {
      return false;
    }
    if (status != CreditLineStatus.FROZEN) {
      throw new IllegalStateException("credit line " + id + " is " + status + " and cannot be unfrozen");
    }
    status = CreditLineStatus.ACTIVE;
    return true;
  }

  /**
   * Sets the limit to {@code newLimit} (whole cents, not negative); the available amount follows, never below 0. Returns
   * the history entry, or empty when the limit is already {@code newLimit}.
   */
  Optional<CreditLimitChange> changeLimit(BigDecimal newLimit, String note, String changedBy,
      Instant changedAt) {
    BigDecimal limit = Money.exactCents(newLimit, "newLimit");
    if (limit.signum() < 0) {
      throw new IllegalArgumentException("newLimit must not be negative");
    }
    if (status == CreditLineStatus.CLOSED) {
      throw new IllegalStateException("credit line " + id + " is CLOSED");
    }
    if (limit.compareTo(creditLimit) == 0) {
      return Optional.empty();
    }
    BigDecimal previous = creditLimit;
    creditLimit = limit;
    availableAmount = available();
    LimitChangeReason reason = limit.compareTo(previous) > 0 ? LimitChangeReason.INCREASED : LimitChangeReason.DECREASED;
    return Optional.of(CreditLimitChange.of(id, previous, limit, reason, changedBy, changedAt, note));
  }

  private BigDecimal available() {
    return Money.cents(creditLimit.subtract(drawnAmount).max(Money.ZERO));
  }

  public String getId() { return id; }
  public String getCustomerId() { return customerId; }
  public String getApplicationId() { return applicationId; }
  public String getCurrency() { return currency; }
  public BigDecimal getCreditLimit() { return creditLimit; }
  public BigDecimal getAvailableAmount() { return availableAmount; }
  public BigDecimal getDrawnAmount() { return drawnAmount; }
  public CreditLineStatus getStatus() { return status; }
  public RiskGrade getRiskGrade() { return riskGrade; }
  public Instant getOpenedAt() { return openedAt; }
  public Long getVersion() { return version; }
}
