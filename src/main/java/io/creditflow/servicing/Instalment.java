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

  @Column(name = "penalty_accrued", nullable = false, precision = 19, scale = 2)
  private BigDecimal penaltyAccrued;

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
    instalment.penaltyAccrued = Money.ZERO;
    instalment.status = InstalmentStatus.DUE;
    return instalment;
  }

  /** This line, as it stands, carried into schedule {@code scheduleVersion} (a new id; this line is kept). */
  Instalment copyTo(int scheduleVersion) {
    Instalment copy = new Instalment();
    copy.id = UUID.randomUUID().toString();
    copy.loanNumber = loanNumber;
    copy.scheduleVersion = scheduleVersion;
    copy.sequenceNumber = sequenceNumber;
    copy.dueDate = dueDate;
    copy.principalDue = principalDue;
    copy.interestDue = interestDue;
    copy.totalDue = totalDue;
    copy.principalPaid = principalPaid;
    copy.interestPaid = interestPaid;
    copy.penaltyPaid = penaltyPaid;
    copy.penaltyAccrued = penaltyAccrued;
    copy.status = status;
    return copy;
  }

  /**
   * This line carried into schedule {@code scheduleVersion} by a restructuring: what was paid on it stays, what was not
   * paid leaves it (the principal is re-amortised, interest and penalty move to the first new line), so it is PAID.
   */
  Instalment restructuredCopy(int scheduleVersion) {
    Instalment copy = copyTo(scheduleVersion);
    copy.principalDue = principalPaid;
    copy.interestDue = interestPaid;
    copy.totalDue = Money.cents(principalPaid.add(interestPaid));
    copy.penaltyAccrued = penaltyPaid;
    copy.status = InstalmentStatus.PAID;
    return copy;
  }

  /** A new line that also carries {@code interest} and {@code penalty} left unpaid on lines it replaces. */
  static Instalment carrying(String loanNumber, int scheduleVersion, ScheduledInstalment line, BigDecimal interest,
      BigDecimal penalty) {
    Instalment instalment = of(loanNumber, scheduleVersion, line);
    instalment.interestDue = Money.cents(line.interest().add(interest));
    instalment.totalDue = Money.cents(instalment.principalDue.add(instalment.interestDue));
    instalment.penaltyAccrued = Money.cents(penalty);
    return instalment;
  }

  /** The line that records an early settlement: the principal prepaid on {@code valueDate}, paid in full. */
  static Instalment settlement(String loanNumber, int scheduleVersion, int sequence, LocalDate valueDate,
      BigDecimal principal) {
    Instalment line = of(loanNumber, scheduleVersion,
        new ScheduledInstalment(sequence, valueDate, principal, Money.ZERO, principal, principal, Money.ZERO));
    line.principalPaid = principal;
    line.status = InstalmentStatus.PAID;
    return line;
  }

  /** Principal of this line not yet paid. */
  public BigDecimal principalOutstanding() {
    return principalDue.subtract(principalPaid);
  }

  /** Interest of this line not yet paid. */
  public BigDecimal interestOutstanding() {
    return interestDue.subtract(interestPaid);
  }

  /** Penalty accrued on this line and not yet paid. */
  public BigDecimal penaltyOutstanding() {
    return penaltyAccrued.subtract(penaltyPaid);
  }

  /** Principal and interest not yet paid: what is in arrears once the line is past due, and what penalties run on. */
  public BigDecimal arrears() {
    return principalOutstanding().add(interestOutstanding());
  }

  /** Whether everything of this line, penalty included, is paid. */
  public boolean isSettled() {
    return arrears().signum() == 0 && penaltyOutstanding().signum() == 0;
  }

  void accruePenalty(BigDecimal amount) {
    penaltyAccrued = Money.cents(penaltyAccrued.add(amount));
  }

  void pay(BigDecimal penalty, BigDecimal interest, BigDecimal principal) {
    if (penalty.compareTo(penaltyOutstanding()) > 0 || interest.compareTo(interestOutstanding()) > 0
        || principal.compareTo(principalOutstanding()) > 0) {
      throw new IllegalArgumentException("payment exceeds what instalment " + sequenceNumber + " owes");
    }
    penaltyPaid = Money.cents(penaltyPaid.add(penalty));
    interestPaid = Money.cents(interestPaid.add(interest));
    principalPaid = Money.cents(principalPaid.add(principal));
  }

  /**
   * PAID when everything is paid; OVERDUE when it fell due on or before the last closed business date
   * ({@code closedThrough}, null before the first close) and is not paid; PARTIALLY_PAID when something is paid;
   * DUE otherwise.
   */
  void refreshStatus(LocalDate closedThrough) {
    if (isSettled()) {
      status = InstalmentStatus.PAID;
    } else if (closedThrough != null && !dueDate.isAfter(closedThrough)) {
      status = InstalmentStatus.OVERDUE;
    } else if (principalPaid.signum() > 0 || interestPaid.signum() > 0 || penaltyPaid.signum() > 0) {
      status = InstalmentStatus.PARTIALLY_PAID;
    } else {
      status = InstalmentStatus.DUE;
    }
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
  public BigDecimal getPenaltyAccrued() { return penaltyAccrued; }
  public InstalmentStatus getStatus() { return status; }
  public Long getVersion() { return version; }
}
