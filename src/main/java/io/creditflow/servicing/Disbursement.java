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
 * The booking of a loan's payout. Its {@link #getIdempotencyKey()} is unique: the database itself refuses a second
 * booking for the same key, however many callers race.
 */
@Entity
@Table(name = "cf_disbursement")
public class Disbursement {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "idempotency_key", nullable = false, length = 64, updatable = false)
  private String idempotencyKey;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal amount;

  @Column(name = "disbursed_at", nullable = false, updatable = false)
  private Instant disbursedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DisbursementStatus status;

  @Version
  private Long version;

  protected Disbursement() {}

  static Disbursement booked(String idempotencyKey, Loan loan, Instant disbursedAt) {
    Disbursement disbursement = new Disbursement();
    disbursement.id = UUID.randomUUID().toString();
    disbursement.idempotencyKey = Objects.requireNonNull(idempotencyKey);
    disbursement.loanNumber = loan.getLoanNumber();
    disbursement.currency = loan.getCurrency();
    disbursement.amount = loan.getPrincipal();
    disbursement.disbursedAt = disbursedAt.truncatedTo(ChronoUnit.SECONDS);
    disbursement.status = DisbursementStatus.BOOKED;
    return disbursement;
  }

  public String getId() { return id; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public String getLoanNumber() { return loanNumber; }
  public String getCurrency() { return currency; }
  public BigDecimal getAmount() { return amount; }
  public Instant getDisbursedAt() { return disbursedAt; }
  public DisbursementStatus getStatus() { return status; }
  public Long getVersion() { return version; }
}
