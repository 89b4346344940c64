package io.creditflow.servicing;

import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a loan's repayment schedule: what falls due on {@link #getDueDate()} and what has been paid against
 * it. Lines of a superseded schedule version stay as they were; the loan names the current version.
 */
@Entity
@Table(name = "cf_instalment")
public class Instalment {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "schedule_version", nullable = false, updatable = false)
  private int scheduleVersion;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequenceNumber;

  @Column(name = "due_date", nullable = false, updatable = false)
  private LocalDate dueDate;

  @Column(name = "principal_due", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal principalDue;

  @Column(name = "interest_due", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal interestDue;

  @Column(name = "total_due", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal totalDue;

  @Column(name = "principal_paid", nullable = false, precision = 19, scale = 2)
  private BigDecimal principalPaid;

  @Column(name = "interest_paid", nullable = false, precision = 19, scale = 2)
  private BigDecimal interestPaid;

  @Column(name = "penalty_paid", nullable = false, precision = 19, scale = 2)
  private BigDecimal penaltyPaid;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InstalmentStatus status;

  @Version
  private Long version;

  protected Instalment() {}

  static Instalment of(String loanNumber, int scheduleVersion, ScheduledInstalment line) {
    Instalment instalment = new Instalment();
    instalment.id = UUID.randomUUID().toString();
    instalment.loanNumber = loanNumber;
    instalment.scheduleVersion = scheduleVersion;
    instalment.sequenceNumber = line.sequence();
    instalment.dueDate = line.dueDate();
    instalment.principalDue = line.principal();
    instalment.interestDue = line.interest();
    instalment.totalDue = line.total();
    instalment.principalPaid = Money.ZERO;
    instalment.interestPaid = Money.ZERO;
    instalment.penaltyPaid = Money.ZERO;
    instalment.status = InstalmentStatus.DUE;
    return instalment;
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public int getScheduleVersion() { return scheduleVersion; }
  public int getSequenceNumber() { return sequenceNumber; }
  public LocalDate getDueDate() { return dueDate; }
  public BigDecimal getPrincipalDue() { return principalDue; }
  public BigDecimal getInterestDue() { return interestDue; }
  public BigDecimal getTotalDue() { return totalDue; }
  public BigDecimal getPrincipalPaid() { return principalPaid; }
  public BigDecimal getInterestPaid() { return interestPaid; }
  public BigDecimal getPenaltyPaid() { return penaltyPaid; }
  public InstalmentStatus getStatus() { return status; }
  public Long getVersion() { return version; }
}
