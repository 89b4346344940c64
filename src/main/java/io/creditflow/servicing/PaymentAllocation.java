package io.creditflow.servicing;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What one payment paid of one schedule line: penalty, interest, principal. Append-only. */
@Entity
@Table(name = "cf_payment_allocation")
public class PaymentAllocation extends AssignedIdEntity {

  @Column(name = "payment_id", nullable = false, length = 36, updatable = false)
  private String paymentId;

  @Column(name = "instalment_id", nullable = false, length = 36, updatable = false)
  private String instalmentId;

  @Column(name = "schedule_version", nullable = false, updatable = false)
  private int scheduleVersion;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequenceNumber;

  @Column(name = "due_date", nullable = false, updatable = false)
  private LocalDate dueDate;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal penalty;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal interest;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal principal;

  protected PaymentAllocation() {}

  static PaymentAllocation of(String paymentId, Instalment line, BigDecimal penalty, BigDecimal interest,
      BigDecimal principal) {
    PaymentAllocation allocation = new PaymentAllocation();
    allocation.id = UUID.randomUUID().toString();
    allocation.paymentId = paymentId;
    allocation.instalmentId = line.getId();
    allocation.scheduleVersion = line.getScheduleVersion();
    allocation.sequenceNumber = line.getSequenceNumber();
    allocation.dueDate = line.getDueDate();
    allocation.penalty = Money.cents(penalty);
    allocation.interest = Money.cents(interest);
    allocation.principal = Money.cents(principal);
    return allocation;
  }

  public String getPaymentId() { return paymentId; }
  public String getInstalmentId() { return instalmentId; }
  public int getScheduleVersion() { return scheduleVersion; }
  public int getSequenceNumber() { return sequenceNumber; }
  public LocalDate getDueDate() { return dueDate; }
  public BigDecimal getPenalty() { return penalty; }
  public BigDecimal getInterest() { return interest; }
  public BigDecimal getPrincipal() { return principal; }
  public BigDecimal getTotal() { return penalty.add(interest).add(principal); }
}
