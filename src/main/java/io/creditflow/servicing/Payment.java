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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment received for a loan, with what it paid (totals; per line in {@link PaymentAllocation}) and the loan's
 * state right after it, so that a repeated request is answered exactly as the first. The payment reference is unique:
 * the database refuses a second booking of the same money. Only the delivery of the PaymentReceived message changes
 * after booking.
 */
@Entity
@Table(name = "cf_payment")
public class Payment {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "payment_reference", nullable = false, length = 64, updatable = false)
  private String paymentReference;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal amount;

  @Column(name = "value_date", nullable = false, updatable = false)
  private LocalDate valueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private PaymentChannel channel;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false, length = 64, updatable = false)
  private String receivedBy;

  @Column(name = "penalty_paid", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal penaltyPaid;

  @Column(name = "interest_paid", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal interestPaid;

  @Column(name = "principal_paid", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal principalPaid;

  @Column(name = "prepaid_principal", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal prepaidPrincipal;

  /** The amount that recovered a written-off balance (0 for an ordinary payment). */
  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal recovered = Money.ZERO;

  @Column(name = "balance_after", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal balanceAfter;

  @Column(name = "principal_after", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal principalAfter;

  @Column(name = "days_past_due_after", nullable = false, updatable = false)
  private int daysPastDueAfter;

  @Enumerated(EnumType.STRING)
  @Column(name = "loan_status_after", nullable = false, length = 16, updatable = false)
  private LoanStatus loanStatusAfter;

  @Column(name = "schedule_version_after", nullable = false, updatable = false)
  private int scheduleVersionAfter;

  @Enumerated(EnumType.STRING)
  @Column(name = "correlation_status", nullable = false, length = 16)
  private CorrelationStatus correlationStatus;

  @Column(name = "correlation_attempts", nullable = false)
  private int correlationAttempts;

  @Column(name = "correlated_instances", nullable = false)
  private int correlatedInstances;

  @Column(name = "correlation_error", length = 500)
  private String correlationError;

  @Column(name = "correlated_at")
  private Instant correlatedAt;

  @Version
  private Long version;

  protected Payment() {}

  /** What was received, before it is allocated. */
  record Received(String paymentReference, BigDecimal amount, LocalDate valueDate, PaymentChannel channel,
      Instant receivedAt, String receivedBy) {}

  /** What the payment paid and the loan's state after it. */
  record Outcome(BigDecimal penalty, BigDecimal interest, BigDecimal principal, BigDecimal prepaidPrincipal,
      Loan loanAfter) {}

  /**
   * A payment on a WRITTEN_OFF loan: nothing is allocated to the schedule; the whole amount is a recovery of the
   * charged-off balance (the caller has reduced it on {@code loanAfter}).
   */
  static Payment recovery(Loan loanAfter, Received received) {
    Payment payment = booked(loanAfter, received, new Outcome(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        loanAfter), true);
    payment.recovered = Money.cents(received.amount());
    return payment;
  }

  static Payment booked(Loan loan, Received received, Outcome outcome) {
    return booked(loan, received, outcome, false);
  }

  private static Payment booked(Loan loan, Received received, Outcome outcome, boolean recovery) {
    Payment payment = new Payment();
    payment.id = UUID.randomUUID().toString();
    payment.paymentReference = Objects.requireNonNull(received.paymentReference());
    payment.loanNumber = loan.getLoanNumber();
    payment.currency = loan.getCurrency();
    payment.amount = Money.exactCents(received.amount(), "amount");
    payment.valueDate = Objects.requireNonNull(received.valueDate());
    payment.channel = Objects.requireNonNull(received.channel());
    payment.receivedAt = received.receivedAt().truncatedTo(ChronoUnit.SECONDS);
    payment.receivedBy = Objects.requireNonNull(received.receivedBy());
    payment.penaltyPaid = Money.cents(outcome.penalty());
    payment.interestPaid = Money.cents(outcome.interest());
    payment.principalPaid = Money.cents(outcome.principal());
    payment.prepaidPrincipal = Money.cents(outcome.prepaidPrincipal());
    if (!recovery && payment.penaltyPaid.add(payment.interestPaid).add(payment.principalPaid)
        .add(payment.prepaidPrincipal).compareTo(payment.amount) != 0) {
      throw new IllegalStateException("allocation does not add up to the amount of payment " + payment.id);
    }
    Loan after = outcome.loanAfter();
    payment.balanceAfter = after.getBalance();
    payment.principalAfter = after.getOutstandingPrincipal();
    payment.daysPastDueAfter = after.getDaysPastDue();
    payment.loanStatusAfter = after.getStatus();
    payment.scheduleVersionAfter = after.getScheduleVersion();
    payment.correlationStatus = CorrelationStatus.PENDING;
    return payment;
  }

  /** Whether {@code other} asks for the same booking (so a repeat, not a reuse of the reference). */
  boolean sameAs(String loanNumber, BigDecimal amount, LocalDate valueDate, PaymentChannel channel) {
    return this.loanNumber.equals(loanNumber) && this.amount.compareTo(amount) == 0
        && this.valueDate.equals(valueDate) && this.channel == channel;
  }

  void correlated(CorrelationStatus status, int instances, String error, Instant at, int attempts) {
    correlationStatus = status;
    correlatedInstances = instances;
    correlationError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    correlatedAt = at.truncatedTo(ChronoUnit.SECONDS);
    correlationAttempts += attempts;
  }

  public String getId() { return id; }
  public String getPaymentReference() { return paymentReference; }
  public String getLoanNumber() { return loanNumber; }
  public String getCurrency() { return currency; }
  public BigDecimal getAmount() { return amount; }
  public LocalDate getValueDate() { return valueDate; }
  public PaymentChannel getChannel() { return channel; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getReceivedBy() { return receivedBy; }
  public BigDecimal getPenaltyPaid() { return penaltyPaid; }
  public BigDecimal getInterestPaid() { return interestPaid; }
  public BigDecimal getPrincipalPaid() { return principalPaid; }
  public BigDecimal getPrepaidPrincipal() { return prepaidPrincipal; }
  public BigDecimal getRecovered() { return recovered; }
  public BigDecimal getBalanceAfter() { return balanceAfter; }
  public BigDecimal getPrincipalAfter() { return principalAfter; }
  public int getDaysPastDueAfter() { return daysPastDueAfter; }
  public LoanStatus getLoanStatusAfter() { return loanStatusAfter; }
  public int getScheduleVersionAfter() { return scheduleVersionAfter; }
  public CorrelationStatus getCorrelationStatus() { return correlationStatus; }
  public int getCorrelationAttempts() { return correlationAttempts; }
  public int getCorrelatedInstances() { return correlatedInstances; }
  public String getCorrelationError() { return correlationError; }
  public Instant getCorrelatedAt() { return correlatedAt; }
  public Long getVersion() { return version; }
}
