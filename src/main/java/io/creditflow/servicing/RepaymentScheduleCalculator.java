package io.creditflow.servicing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Repayment schedules of equal monthly instalments (annuity loans). Pure: no state, no clock, no database.
 *
 * <h2>Method</h2>
 * <ul>
 *   <li><b>Monthly rate</b> {@code r = annualRate / 12}, kept unrounded (34 significant digits).</li>
 *   <li><b>Due dates</b>: instalment {@code k} falls due {@code k} months after the disbursement date. If that month is
 *       shorter, the due date is its last day; the original day comes back where it exists
 *       (disbursed 31 Jan: 28/29 Feb, 31 Mar, 30 Apr, 31 May, ...).</li>
 *   <li><b>Interest</b> of a period = opening principal balance &times; r, rounded half-up to the cent.</li>
 *   <li><b>Instalment</b> = {@code B·r / (1 − (1 + r)^−m)} rounded half-up to the cent, where B is the balance to
 *       amortise and m the number of instalments left to amortise it over. The principal part is instalment − interest,
 *       and the balance falls by that principal part.</li>
 *   <li><b>The last instalment absorbs rounding</b>: its principal part is exactly the remaining balance, so the principal
 *       parts add up to the loan amount to the cent and the schedule closes at 0.00. Its total therefore differs from
 *       the others by the rounding of the instalment and of each period's interest, carried forward at the loan rate:
 *       at most 0.01 &times; ((1 + r)^m − 1) / r. That is cents for ordinary consumer loans (under 1.00 up to 60 months
 *       at rates up to 36 %), but it compounds: over very long terms at high rates (decades at 18 % and more) the last
 *       instalment grows into a balloon, and such terms should not be offered on this method.</li>
 *   <li><b>Zero rate</b>: no interest; every principal part is {@code amount / term} rounded half-up to the cent, and
 *       the last takes the remainder.</li>
 * </ul>
 *
 * <h2>Interest-free months</h2>
 * With {@code N} interest-free months ({@code 0 <= N < term}), instalments 1..N charge no interest and each repays
 * {@code amount / term} of principal, rounded half-up to the cent: the customer pays down the loan at the pace of an
 * even principal plan while no interest runs. The balance left after them,
 * {@code B = amount − N × round(amount / term)}, is then amortised as an annuity at the contract rate over the remaining
 * {@code term − N} months, interest running from the end of month N on that balance. No interest of the free months is
 * deferred or capitalised: it is waived.
 *
 * <p>Guard rails for degenerate inputs (amounts of a few cents over long terms): a principal part is never negative and
 * never more than the balance, so no line has a negative amount and the schedule still closes at 0.00.
 */
public final class RepaymentScheduleCalculator {

  /** Precision of the monthly rate and annuity factor before the instalment is rounded to the cent. */
  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal MONTHS_A_YEAR = BigDecimal.valueOf(12);

  /**
   * One line of a schedule.
   *
   * @param sequence       1-based position in the schedule
   * @param dueDate        when it falls due
   * @param principal      principal repaid by this instalment
   * @param interest       interest charged for the period ending on the due date
   * @param total          principal + interest
   * @param openingBalance principal outstanding before this instalment
   * @param closingBalance principal outstanding after it (0.00 after the last)
   */
  public record ScheduledInstalment(int sequence, LocalDate dueDate, BigDecimal principal, BigDecimal interest,
      BigDecimal total, BigDecimal openingBalance, BigDecimal closingBalance) {}

  /**
   * The schedule of a loan.
   *
   * @param principal          the amount lent, positive, whole cents
   * @param annualRate         the nominal rate a year as a decimal fraction (0.072 = 7.20 %), not negative
   * @param termMonths         number of monthly instalments, at least 1
   * @param interestFreeMonths leading instalments without interest, {@code 0 <= n < termMonths}
   * @param disbursedOn        the disbursement date (business zone)
   * @return the instalments in order, immutable
   * @throws IllegalArgumentException on any input outside these bounds
   */
  public List<ScheduledInstalment> schedule(BigDecimal principal, BigDecimal annualRate, int termMonths,
      int interestFreeMonths, LocalDate disbursedOn) {
    BigDecimal amount = Money.exactCents(principal, "principal");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("principal must be positive");
    }
    if (annualRate == null || annualRate.signum() < 0) {
      throw new IllegalArgumentException("annualRate must be zero or positive");
    }
    if (termMonths < 1) {
      throw new IllegalArgumentException("termMonths must be at least 1");
    }
    if (interestFreeMonths < 0 || interestFreeMonths >= termMonths) {
      throw new IllegalArgumentException("interestFreeMonths must be between 0 and termMonths - 1");
    }
    Objects.requireNonNull(disbursedOn, "disbursedOn");

    BigDecimal monthlyRate = annualRate.divide(MONTHS_A_YEAR, PRECISION);
    List<ScheduledInstalment> lines = new ArrayList<>(termMonths);
    BigDecimal balance = amount;

    BigDecimal evenPrincipal = Money.cents(amount.divide(BigDecimal.valueOf(termMonths), PRECISION));
    for (int k = 1; k <= interestFreeMonths; k++) {
      BigDecimal part = evenPrincipal.min(balance);
      lines.add(line(k, disbursedOn, balance, part, Money.ZERO));
      balance = balance.subtract(part);
    }

    int remaining = termMonths - interestFreeMonths;
    BigDecimal instalment = instalment(balance, monthlyRate, remaining);
    for (int k = interestFreeMonths + 1; k <= termMonths; k++) {
      BigDecimal interest = Money.cents(balance.multiply(monthlyRate, PRECISION));
      BigDecimal part = k == termMonths
          ? balance
          : instalment.subtract(interest).max(Money.ZERO).min(balance);
      lines.add(line(k, disbursedOn, balance, part, interest));
      balance = balance.subtract(part);
    }
    return List.copyOf(lines);
  }

  /**
   * The due date of instalment {@code sequence}: that many months after {@code disbursedOn}, on the same day of the
   * month or the month's last day where that day does not exist.
   */
  public static LocalDate dueDate(LocalDate disbursedOn, int sequence) {
    // plusMonths from the disbursement date (not from the previous due date) keeps the original day where it exists
    return disbursedOn.plusMonths(sequence);
  }

  /** The level instalment that repays {@code balance} over {@code months} at {@code monthlyRate}, to the cent. */
  private static BigDecimal instalment(BigDecimal balance, BigDecimal monthlyRate, int months) {
    if (monthlyRate.signum() == 0) {
      return Money.cents(balance.divide(BigDecimal.valueOf(months), PRECISION));
    }
    // P·r / (1 − (1 + r)^−n), computed as P·r / (1 − 1 / (1 + r)^n)
    BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(months, PRECISION);
    BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, PRECISION));
    return Money.cents(balance.multiply(monthlyRate, PRECISION).divide(discount, PRECISION));
  }

  private static ScheduledInstalment line(int sequence, LocalDate disbursedOn, BigDecimal opening,
      BigDecimal principal, BigDecimal interest) {
    return new ScheduledInstalment(sequence, dueDate(disbursedOn, sequence), principal, interest,
        principal.add(interest), opening, opening.subtract(principal));
  }
}
