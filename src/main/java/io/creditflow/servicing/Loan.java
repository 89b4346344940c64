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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A loan drawn on a credit line, keyed by its loan number. The terms (principal, rate, term, interest-free months,
 * dates) are fixed at booking. The outstanding amounts are what the customer owes now: principal not yet repaid, and
 * interest and penalty billed and not yet paid (interest of instalments not yet due is not outstanding). The current
 * repayment schedule is the set of {@link Instalment}s with this loan's {@link #getScheduleVersion()}.
 * Optimistically locked: payments, the close of business and restructuring must not overwrite each other.
 */
@Entity
@Table(name = "cf_loan")
public class Loan {

  /** The version of the schedule a loan is booked with. */
  public static final int FIRST_SCHEDULE_VERSION = 1;

  @Id
  @Column(name = "loan_number", length = 14)
  private String loanNumber;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(name = "credit_line_id", nullable = false, length = 36, updatable = false)
  private String creditLineId;

  @Column(name = "application_id", length = 64, updatable = false)
  private String applicationId;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal principal;

  @Column(name = "annual_rate", nullable = false, precision = 9, scale = 6, updatable = false)
  private BigDecimal annualRate;

  @Column(name = "term_months", nullable = false, updatable = false)
  private int termMonths;

  @Column(name = "interest_free_months", nullable = false, updatable = false)
  private int interestFreeMonths;

  @Column(name = "disbursed_on", nullable = false, updatable = false)
  private LocalDate disbursedOn;

  @Column(name = "first_due_date", nullable = false)
  private LocalDate firstDueDate;

  @Column(name = "maturity_date", nullable = false)
  private LocalDate maturityDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LoanStatus status;

  @Column(name = "outstanding_principal", nullable = false, precision = 19, scale = 2)
  private BigDecimal outstandingPrincipal;

  @Column(name = "outstanding_interest", nullable = false, precision = 19, scale = 2)
  private BigDecimal outstandingInterest;

  @Column(name = "outstanding_penalty", nullable = false, precision = 19, scale = 2)
  private BigDecimal outstandingPenalty;

  @Column(name = "days_past_due", nullable = false)
  private int daysPastDue;

  @Column(name = "schedule_version", nullable = false)
  private int scheduleVersion;

  @Column(name = "last_closed_on")
  private LocalDate lastClosedOn;

  @Column(name = "penalty_accrued", nullable = false, precision = 19, scale = 2)
  private BigDecimal penaltyAccrued;

  /** What a written-off loan still owes as a recovery (0 unless WRITTEN_OFF); payments reduce it. */
  @Column(name = "charged_off_balance", nullable = false, precision = 19, scale = 2)
  private BigDecimal chargedOffBalance = Money.ZERO;

  /** The balance written off (WRITTEN_OFF) and the balance forgiven (settled for less), for the record. */
  @Column(name = "written_off_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal writtenOffAmount = Money.ZERO;

  @Column(name = "forgiven_amount", nullable = false, precision = 19, scale = 2)
  private BigDecimal forgivenAmount = Money.ZERO;

  @Version
  private Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Loan() {}

  /**
   * A new ACTIVE loan on {@code line}, owing its whole principal, with {@code schedule} as schedule version 1.
   * The terms are those the schedule was calculated with.
   */
  static Loan book(String loanNumber, CreditLine line, String applicationId, BigDecimal principal,
      BigDecimal annualRate, int termMonths, int interestFreeMonths, LocalDate disbursedOn,
      List<ScheduledInstalment> schedule, Instant createdAt) {
    if (schedule.size() != termMonths) {
      throw new IllegalArgumentException("schedule has " + schedule.size() + " lines for a term of " + termMonths);
    }
    Loan loan = new Loan();
    loan.loanNumber = Objects.requireNonNull(loanNumber);
    loan.customerId = line.getCustomerId();
    loan.creditLineId = line.getId();
    loan.applicationId = applicationId;
    loan.currency = line.getCurrency();
    loan.principal = Money.exactCents(principal, "principal");
    loan.annualRate = Money.exactRate(annualRate, "annualRate");
    loan.termMonths = termMonths;
    loan.interestFreeMonths = interestFreeMonths;
    loan.disbursedOn = Objects.requireNonNull(disbursedOn);
    loan.firstDueDate = schedule.get(0).dueDate();
    loan.maturityDate = schedule.get(schedule.size() - 1).dueDate();
    loan.status = LoanStatus.ACTIVE;
    loan.outstandingPrincipal = loan.principal;
    loan.outstandingInterest = Money.ZERO;
    loan.outstandingPenalty = Money.ZERO;
    loan.penaltyAccrued = Money.ZERO;
    loan.daysPastDue = 0;
    loan.scheduleVersion = FIRST_SCHEDULE_VERSION;
    loan.createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    return loan;
  }

  /** The lines of the current schedule, to be stored with this loan. */
  List<Instalment> instalments(List<ScheduledInstalment> schedule) {
    return schedule.stream().map(line -> Instalment.of(loanNumber, scheduleVersion, line)).toList();
  }

  /** Whether the loan is finished (SETTLED or WRITTEN_OFF): no close of business, no payments. */
  public boolean isClosed() {
    return status == LoanStatus.SETTLED || status == LoanStatus.WRITTEN_OFF;
  }

  /** Principal + billed interest + penalty not yet paid. */
  public BigDecimal getBalance() {
    return outstandingPrincipal.add(outstandingInterest).add(outstandingPenalty);
  }

  /** Takes principal the customer repaid (scheduled or prepaid) off the outstanding principal. */
  void repayPrincipal(BigDecimal amount) {
    if (amount.signum() < 0 || amount.compareTo(outstandingPrincipal) > 0) {
      throw new IllegalArgumentException("principal repaid must be between 0 and the outstanding principal");
    }
    outstandingPrincipal = Money.cents(outstandingPrincipal.subtract(amount));
  }

  /** Adds a penalty accrued by the close of business to the lifetime total the cap is measured against. */
  void accruePenalty(BigDecimal amount) {
    penaltyAccrued = Money.cents(penaltyAccrued.add(amount));
  }

  /**
   * Restates what is billed and past due. An ACTIVE or DELINQUENT loan becomes DELINQUENT when its days past due exceed
   * {@code graceDays}, ACTIVE otherwise; other statuses (RESTRUCTURED, IN_LEGAL) are decided elsewhere and kept.
   */
  void restate(BigDecimal interest, BigDecimal penalty, int dpd, int graceDays) {
    outstandingInterest = Money.cents(interest);
    outstandingPenalty = Money.cents(penalty);
    daysPastDue = dpd;
    if (status == LoanStatus.ACTIVE || status == LoanStatus.DELINQUENT) {
      status = dpd > graceDays ? LoanStatus.DELINQUENT : LoanStatus.ACTIVE;
    }
  }

  /** Nothing is owed any more: SETTLED. */
  void settle() {
    if (outstandingPrincipal.signum() != 0) {
      throw new IllegalStateException("loan " + loanNumber + " still owes principal");
    }
    status = LoanStatus.SETTLED;
    outstandingInterest = Money.ZERO;
    outstandingPenalty = Money.ZERO;
    daysPastDue = 0;
  }

  /** Moves to a new schedule version (a prepayment recalculated the schedule) and returns its number. */
  int nextScheduleVersion() {
    return ++scheduleVersion;
  }

  /** The whole balance falls due on {@code dueDate}: it becomes the maturity date. Returns the new schedule version. */
  int recall(LocalDate dueDate) {
    checkOpen();
    maturityDate = Objects.requireNonNull(dueDate);
    return ++scheduleVersion;
  }

  /** RESTRUCTURED, maturing on {@code newMaturityDate}. Returns the new schedule version. */
  int restructure(LocalDate newMaturityDate) {
    checkOpen();
    maturityDate = Objects.requireNonNull(newMaturityDate);
    status = LoanStatus.RESTRUCTURED;
    return ++scheduleVersion;
  }

  /** Handed to legal: IN_LEGAL. False when it already is. */
  boolean toLegal() {
    checkOpen();
    if (status == LoanStatus.IN_LEGAL) {
      return false;
    }
    status = LoanStatus.IN_LEGAL;
    return true;
  }

  /** Back from legal: DELINQUENT or ACTIVE by the days past due. False when the loan is not IN_LEGAL. */
  boolean fromLegal(int graceDays) {
    if (status != LoanStatus.IN_LEGAL) {
      return false;
    }
    status = daysPastDue > graceDays ? LoanStatus.DELINQUENT : LoanStatus.ACTIVE;
    return true;
  }

  /** Forgives everything still owed (settled for less): SETTLED. Returns the amount forgiven. */
  BigDecimal forgive() {
    checkOpen();
    BigDecimal amount = getBalance();
    forgivenAmount = Money.cents(forgivenAmount.add(amount));
    zeroOutstanding();
    status = LoanStatus.SETTLED;
    return amount;
  }

  /** Writes the balance off: WRITTEN_OFF, the balance kept as charged-off balance for recoveries. Returns it. */
  BigDecimal writeOff() {
    checkOpen();
    BigDecimal amount = getBalance();
    writtenOffAmount = amount;
    chargedOffBalance = amount;
    zeroOutstanding();
    status = LoanStatus.WRITTEN_OFF;
    return amount;
  }

  /** A payment received after write-off reduces the charged-off balance. */
  void recover(BigDecimal amount) {
    if (status != LoanStatus.WRITTEN_OFF || amount.signum() <= 0 || amount.compareTo(chargedOffBalance) > 0) {
      throw new IllegalArgumentException("a recovery must be positive and at most the charged-off balance");
    }
    chargedOffBalance = Money.cents(chargedOffBalance.subtract(amount));
  }

  private void zeroOutstanding() {
    outstandingPrincipal = Money.ZERO;
    outstandingInterest = Money.ZERO;
    outstandingPenalty = Money.ZERO;
    daysPastDue = 0;
  }

  private void checkOpen() {
    if (isClosed()) {
      throw new IllegalStateException("loan " + loanNumber + " is " + status);
    }
  }

  /** Records that {@code businessDate} is closed for this loan. */
  void closedThrough(LocalDate businessDate) {
    lastClosedOn = businessDate;
  }

  public String getLoanNumber() { return loanNumber; }
  public String getCustomerId() { return customerId; }
  public String getCreditLineId() { return creditLineId; }
  public String getApplicationId() { return applicationId; }
  public String getCurrency() { return currency; }
  public BigDecimal getPrincipal() { return principal; }
  public BigDecimal getAnnualRate() { return annualRate; }
  public int getTermMonths() { return termMonths; }
  public int getInterestFreeMonths() { return interestFreeMonths; }
  public LocalDate getDisbursedOn() { return disbursedOn; }
  public LocalDate getFirstDueDate() { return firstDueDate; }
  public LocalDate getMaturityDate() { return maturityDate; }
  public LoanStatus getStatus() { return status; }
  public BigDecimal getOutstandingPrincipal() { return outstandingPrincipal; }
  public BigDecimal getOutstandingInterest() { return outstandingInterest; }
  public BigDecimal getOutstandingPenalty() { return outstandingPenalty; }
  public int getDaysPastDue() { return daysPastDue; }
  public int getScheduleVersion() { return scheduleVersion; }
  public LocalDate getLastClosedOn() { return lastClosedOn; }
  public BigDecimal getPenaltyAccrued() { return penaltyAccrued; }
  public BigDecimal getChargedOffBalance() { return chargedOffBalance; }
  public BigDecimal getWrittenOffAmount() { return writtenOffAmount; }
  public BigDecimal getForgivenAmount() { return forgivenAmount; }
  public Long getVersion() { return version; }
  public Instant getCreatedAt() { return createdAt; }
}
