package io.creditflow.servicing;

import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One loan with the lines of its current schedule, loaded once and worked on in memory: the ledger rules shared by
 * payments and the close of business. Not thread-safe; one instance per transaction.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Closed through</b>: the loan's last closed business date ({@link Loan#getLastClosedOn()}). The close of
 *       business decides what is past due: an instalment due on or before that date and not fully paid is OVERDUE.
 *       A payment never makes anything past due; it can only cure.</li>
 *   <li><b>Days past due</b> at the close of date D = {@code D − dueDate + 1} of the oldest line due on or before D
 *       whose principal or interest is not fully paid, 0 if there is none: an instalment due on D and unpaid at the
 *       end of D is one day past due.</li>
 *   <li><b>Billed interest</b> ({@link Loan#getOutstandingInterest()}): unpaid interest of lines due on or before the
 *       later of the last closed date and the value date of the operation. Interest of lines not yet due is not
 *       owed.</li>
 *   <li><b>Penalty</b>: at the close of each day D, every line due on or before D accrues
 *       {@code round(rate × unpaid principal and interest)} (half-up to the cent), oldest line first, until all
 *       penalties ever accrued on the loan reach {@code capRatio × principal} (rounded to the cent); then accrual
 *       stops for good. Paying penalties does not make room under the cap.</li>
 *   <li><b>Status</b>: ACTIVE or DELINQUENT follows the days past due ({@code > graceDays} → DELINQUENT); RESTRUCTURED
 *       and IN_LEGAL are kept. With nothing outstanding the loan is SETTLED.</li>
 * </ul>
 */
final class LoanAccount {

  /** What one payment paid of one line. */
  record LineAllocation(Instalment line, BigDecimal penalty, BigDecimal interest, BigDecimal principal) {}

  /** A payment's allocation: per line, and the remainder that prepays principal. */
  record Allocation(List<LineAllocation> lines, BigDecimal penalty, BigDecimal interest, BigDecimal principal,
      BigDecimal prepaidPrincipal) {}

  private final Loan loan;
  private final List<Instalment> lines;
  private final ServicingProperties rules;

  LoanAccount(Loan loan, List<Instalment> currentLines, ServicingProperties rules) {
    this.loan = Objects.requireNonNull(loan);
    this.lines = new ArrayList<>(currentLines);
    this.lines.sort(Comparator.comparingInt(Instalment::getSequenceNumber));
    this.rules = Objects.requireNonNull(rules);
  }

  Loan loan() {
    return loan;
  }

  List<Instalment> lines() {
    return List.copyOf(lines);
  }

  /** The date up to which lines are due for an operation on {@code date}: that date, or the last closed one if later. */
  LocalDate horizon(LocalDate date) {
    LocalDate closed = loan.getLastClosedOn();
    return closed != null && closed.isAfter(date) ? closed : date;
  }

  /** Everything the customer owes on {@code horizon}: all principal, plus interest and penalty of lines due by then. */
  BigDecimal totalOutstanding(LocalDate horizon) {
    BigDecimal total = loan.getOutstandingPrincipal();
    for (Instalment line : lines) {
      if (!line.getDueDate().isAfter(horizon)) {
        total = total.add(line.interestOutstanding()).add(line.penaltyOutstanding());
      } else {
        total = total.add(line.penaltyOutstanding());
      }
    }
    return Money.cents(total);
  }

  /**
   * Allocates {@code amount} to the lines due on or before {@code horizon}, oldest first, and within each line
   * penalty, then interest, then principal. What remains prepays principal (see {@link #prepay}). The caller has
   * checked that {@code amount} is at most {@link #totalOutstanding}.
   */
  Allocation allocate(BigDecimal amount, LocalDate horizon) {
    BigDecimal left = amount;
    BigDecimal penalty = Money.ZERO;
    BigDecimal interest = Money.ZERO;
    BigDecimal principal = Money.ZERO;
    List<LineAllocation> paid = new ArrayList<>();
    for (Instalment line : lines) {
      if (left.signum() == 0) {
        break;
      }
      if (line.getDueDate().isAfter(horizon) || line.isSettled()) {
        continue;
      }
      BigDecimal p = line.penaltyOutstanding().min(left);
      left = left.subtract(p);
      BigDecimal i = line.interestOutstanding().min(left);
      left = left.subtract(i);
      BigDecimal c = line.principalOutstanding().min(left);
      left = left.subtract(c);
      line.pay(p, i, c);
      loan.repayPrincipal(c);
      paid.add(new LineAllocation(line, p, i, c));
      penalty = penalty.add(p);
      interest = interest.add(i);
      principal = principal.add(c);
    }
    return new Allocation(List.copyOf(paid), Money.cents(penalty), Money.cents(interest), Money.cents(principal),
        Money.cents(left));
  }

  /**
   * Prepays {@code amount} of principal on {@code valueDate}, once every line due on or before {@code horizon} is paid,
   * and returns the lines of the new schedule version to store (the current version's lines are kept as they are).
   *
   * <p><b>The term is kept and the instalment falls.</b> The new version carries the lines due by the horizon over
   * unchanged (they are paid) and recalculates the lines not yet due with {@link RepaymentScheduleCalculator}: the
   * remaining principal amortised as an annuity at the loan's rate over the same number of instalments, on the same
   * due dates (the maturity date does not move), with the interest-free months that are left. The prepayment takes
   * effect from the start of the running period: its interest is charged on the reduced principal, as an early
   * settlement costs the outstanding principal only. No prepayment fee.
   *
   * <p>When the prepayment repays all principal, the new version ends with one paid line for it (due on the value
   * date) instead of the lines not yet due.
   */
  List<Instalment> prepay(BigDecimal amount, LocalDate horizon, LocalDate valueDate) {
    List<Instalment> due = lines.stream().filter(line -> !line.getDueDate().isAfter(horizon)).toList();
    List<Instalment> future = lines.stream().filter(line -> line.getDueDate().isAfter(horizon)).toList();
    if (due.stream().anyMatch(line -> !line.isSettled())) {
      throw new IllegalStateException("principal can only be prepaid once every due instalment is paid");
    }
    loan.repayPrincipal(amount);
    // the superseded version keeps its lines, with what was paid on them and their final status
    lines.forEach(line -> line.refreshStatus(loan.getLastClosedOn()));
    int version = loan.nextScheduleVersion();
    List<Instalment> next = new ArrayList<>(due.stream().map(line -> line.copyTo(version)).toList());
    int paidLines = due.size();
    BigDecimal remaining = loan.getOutstandingPrincipal();
    if (remaining.signum() == 0 || future.isEmpty()) {
      next.add(Instalment.settlement(loan.getLoanNumber(), version, paidLines + 1, valueDate, amount));
    } else {
      int months = future.size();
      int interestFree = Math.max(0, loan.getInterestFreeMonths() - paidLines);
      List<ScheduledInstalment> recalculated = new RepaymentScheduleCalculator().schedule(remaining,
          loan.getAnnualRate(), months, interestFree, future.get(0).getDueDate().minusMonths(1));
      for (int k = 0; k < months; k++) {
        ScheduledInstalment line = recalculated.get(k);
        next.add(Instalment.of(loan.getLoanNumber(), version, new ScheduledInstalment(
            future.get(k).getSequenceNumber(), future.get(k).getDueDate(), line.principal(), line.interest(),
            line.total(), line.openingBalance(), line.closingBalance())));
      }
    }
    lines.clear();
    lines.addAll(next);
    return next;
  }

  /**
   * Recalls the loan on {@code today}: every line due after {@code horizon} is replaced by one line due today with the
   * principal they had left, the interest of the running period accrued up to today (that period's interest pro rata
   * by days; interest of later periods is not charged) and any penalty they carried. Lines due by the horizon are
   * carried over as they stand, so arrears keep their age. Returns the lines of the new schedule version to store, or
   * an empty list when no line is due after the horizon (nothing left to recall; the current version is kept).
   */
  List<Instalment> recall(LocalDate horizon, LocalDate today) {
    List<Instalment> due = lines.stream().filter(line -> !line.getDueDate().isAfter(horizon)).toList();
    List<Instalment> future = lines.stream().filter(line -> line.getDueDate().isAfter(horizon)).toList();
    if (future.isEmpty()) {
      return List.of();
    }
    BigDecimal principal = loan.getOutstandingPrincipal();
    for (Instalment line : due) {
      principal = principal.subtract(line.principalOutstanding());
    }
    Instalment running = future.get(0);
    LocalDate periodStart = due.isEmpty() ? loan.getDisbursedOn() : due.get(due.size() - 1).getDueDate();
    long periodDays = ChronoUnit.DAYS.between(periodStart, running.getDueDate());
    long elapsed = Math.max(0, Math.min(periodDays, ChronoUnit.DAYS.between(periodStart, today)));
    BigDecimal interest = periodDays <= 0 ? Money.ZERO : Money.cents(running.interestOutstanding()
        .multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(periodDays), 10, Money.ROUNDING));
    BigDecimal penalty = future.stream().map(Instalment::penaltyOutstanding).reduce(Money.ZERO, BigDecimal::add);

    lines.forEach(line -> line.refreshStatus(loan.getLastClosedOn()));
    int version = loan.recall(today.isBefore(horizon) ? horizon : today);
    List<Instalment> next = new ArrayList<>(due.stream().map(line -> line.copyTo(version)).toList());
    next.add(Instalment.carrying(loan.getLoanNumber(), version, new ScheduledInstalment(due.size() + 1,
        loan.getMaturityDate(), Money.cents(principal), Money.ZERO, Money.cents(principal), Money.cents(principal),
        Money.ZERO), interest, penalty));
    lines.clear();
    lines.addAll(next);
    return next;
  }

  /** A restructuring worked out: the new schedule (not yet applied) and its regular instalment. */
  record Restructuring(List<ScheduledInstalment> schedule, BigDecimal regularInstalment) {}

  /**
   * The restructuring of the outstanding principal (arrears included) over {@code months} at the loan's rate, the
   * first instalment on the loan's next due date after {@code horizon} (its monthly cycle kept), no interest-free
   * months. Changes nothing.
   */
  Restructuring planRestructuring(int months, LocalDate horizon) {
    if (months < 1 || months > DisbursementService.MAX_TERM_MONTHS) {
      throw new IllegalArgumentException("newRemainingMonths must be between 1 and "
          + DisbursementService.MAX_TERM_MONTHS);
    }
    if (loan.isClosed() || loan.getOutstandingPrincipal().signum() == 0) {
      throw new IllegalStateException("loan " + loan.getLoanNumber() + " has no principal left to restructure");
    }
    int first = 1;
    while (!RepaymentScheduleCalculator.dueDate(loan.getDisbursedOn(), first).isAfter(horizon)) {
      first++;
    }
    List<ScheduledInstalment> plain = new RepaymentScheduleCalculator().schedule(loan.getOutstandingPrincipal(),
        loan.getAnnualRate(), months, 0, loan.getDisbursedOn());
    List<ScheduledInstalment> dated = new ArrayList<>(months);
    for (int k = 0; k < months; k++) {
      ScheduledInstalment line = plain.get(k);
      dated.add(new ScheduledInstalment(line.sequence(),
          RepaymentScheduleCalculator.dueDate(loan.getDisbursedOn(), first + k), line.principal(), line.interest(),
          line.total(), line.openingBalance(), line.closingBalance()));
    }
    return new Restructuring(List.copyOf(dated), plain.get(0).total());
  }

  /**
   * Applies {@code plan}: lines due by {@code horizon} are carried over with what was paid on them (and so are PAID);
   * their unpaid interest and every unpaid penalty move to the first new line, where they stay owed; the principal
   * follows the plan. The loan is RESTRUCTURED. Returns the lines of the new schedule version to store.
   */
  List<Instalment> restructure(Restructuring plan, LocalDate horizon) {
    List<Instalment> due = lines.stream().filter(line -> !line.getDueDate().isAfter(horizon)).toList();
    BigDecimal interest = due.stream().map(Instalment::interestOutstanding).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal penalty = lines.stream().map(Instalment::penaltyOutstanding).reduce(Money.ZERO, BigDecimal::add);
    lines.forEach(line -> line.refreshStatus(loan.getLastClosedOn()));
    List<ScheduledInstalment> schedule = plan.schedule();
    int version = loan.restructure(schedule.get(schedule.size() - 1).dueDate());
    List<Instalment> next = new ArrayList<>(due.stream().map(line -> line.restructuredCopy(version)).toList());
    for (int k = 0; k < schedule.size(); k++) {
      ScheduledInstalment line = schedule.get(k);
      ScheduledInstalment renumbered = new ScheduledInstalment(due.size() + k + 1, line.dueDate(), line.principal(),
          line.interest(), line.total(), line.openingBalance(), line.closingBalance());
      next.add(k == 0
          ? Instalment.carrying(loan.getLoanNumber(), version, renumbered, interest, penalty)
          : Instalment.of(loan.getLoanNumber(), version, renumbered));
    }
    lines.clear();
    lines.addAll(next);
    return next;
  }

  /** Accrues the penalty of the close of {@code day} (see the class comment). Returns what was accrued. */
  BigDecimal accruePenalty(LocalDate day) {
    BigDecimal cap = Money.cents(loan.getPrincipal().multiply(rules.penaltyCapRatio()));
    BigDecimal room = cap.subtract(loan.getPenaltyAccrued());
    BigDecimal accrued = Money.ZERO;
    for (Instalment line : lines) {
      if (room.signum() <= 0) {
        break;
      }
      if (line.getDueDate().isAfter(day) || line.arrears().signum() == 0) {
        continue;
      }
      BigDecimal penalty = Money.cents(line.arrears().multiply(rules.penaltyDailyRate())).min(room);
      if (penalty.signum() > 0) {
        line.accruePenalty(penalty);
        loan.accruePenalty(penalty);
        room = room.subtract(penalty);
        accrued = accrued.add(penalty);
      }
    }
    return accrued;
  }

  /** Days past due at the close of {@code closedThrough} (null before the first close: 0). */
  int daysPastDue(LocalDate closedThrough) {
    if (closedThrough == null) {
      return 0;
    }
    return lines.stream()
        .filter(line -> !line.getDueDate().isAfter(closedThrough) && line.arrears().signum() > 0)
        .findFirst()
        .map(line -> (int) ChronoUnit.DAYS.between(line.getDueDate(), closedThrough) + 1)
        .orElse(0);
  }

  /** Whether nothing at all is owed: no principal, and no line with anything unpaid. */
  boolean nothingOutstanding() {
    return loan.getOutstandingPrincipal().signum() == 0 && lines.stream().allMatch(Instalment::isSettled);
  }

  /**
   * Restates line statuses, billed interest, penalty, days past due and status after an operation on
   * {@code operationDate}, the loan being closed through {@link Loan#getLastClosedOn()}. Settles the loan when nothing
   * is outstanding. Returns true when this call settled it.
   */
  boolean restate(LocalDate operationDate) {
    LocalDate closedThrough = loan.getLastClosedOn();
    LocalDate billedThrough = horizon(operationDate);
    BigDecimal interest = Money.ZERO;
    BigDecimal penalty = Money.ZERO;
    for (Instalment line : lines) {
      line.refreshStatus(closedThrough);
      if (!line.getDueDate().isAfter(billedThrough)) {
        interest = interest.add(line.interestOutstanding());
      }
      penalty = penalty.add(line.penaltyOutstanding());
    }
    if (nothingOutstanding()) {
      if (loan.getStatus() == LoanStatus.SETTLED) {
        return false;
      }
      loan.settle();
      return true;
    }
    loan.restate(interest, penalty, daysPastDue(closedThrough), rules.graceDays());
    return false;
  }
}
