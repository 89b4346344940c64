package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RepaymentScheduleCalculatorTest {

  private static final LocalDate MID_JANUARY = LocalDate.of(2027, 1, 15);

  private final RepaymentScheduleCalculator calculator = new RepaymentScheduleCalculator();

  /**
   * 50,000.00 at 7.20 % a year over 24 months, worked by hand:
   * <pre>
   *   r            = 0.072 / 12                       = 0.006
   *   (1 + r)^24   = 1.006^24                          = 1.154387292...
   *   1 − 1.006^−24 = 1 − 0.866260402...               = 0.133739598...
   *   instalment   = 50,000 × 0.006 / 0.133739598...  = 300 / 0.133739598... = 2,243.1651... → 2,243.17
   *   line 1: interest 50,000.00 × 0.006 = 300.00;      principal 2,243.17 − 300.00 = 1,943.17; closing 48,056.83
   *   line 2: interest 48,056.83 × 0.006 = 288.34098 → 288.34; principal 1,954.83;  closing 46,102.00
   *   ...
   *   line 24: opening 2,229.64; interest 13.37784 → 13.38; principal = the whole balance 2,229.64;
   *            total 2,243.02 (15 cents below the others: the rounding of 23 instalments, absorbed here)
   *   interest over the life of the loan: 3,835.93
   * </pre>
   */
  @Test
  void fiftyThousandAtSevenPointTwoPercentOverTwoYears() {
    List<ScheduledInstalment> lines = calculator.schedule(money("50000.00"), new BigDecimal("0.072000"), 24, 0,
        MID_JANUARY);

    assertThat(lines).hasSize(24);
    assertLine(lines.get(0), 1, "2027-02-15", "50000.00", "1943.17", "300.00", "2243.17", "48056.83");
    assertLine(lines.get(1), 2, "2027-03-15", "48056.83", "1954.83", "288.34", "2243.17", "46102.00");
    assertLine(lines.get(23), 24, "2029-01-15", "2229.64", "2229.64", "13.38", "2243.02", "0.00");
    assertThat(lines.subList(0, 23)).allSatisfy(line -> assertThat(line.total()).isEqualTo(money("2243.17")));
    assertThat(sum(lines, ScheduledInstalment::interest)).isEqualTo(money("3835.93"));
    assertThat(sum(lines, ScheduledInstalment::principal)).isEqualTo(money("50000.00"));
  }

  /**
   * 1,000.00 at 17.90 % a year over 3 months, worked by hand:
   * <pre>
   *   r            = 0.179 / 12                          = 0.014916666...
   *   (1 + r)^3    = 1.014916666...^3                    = 1.045420839...
   *   1 − (1 + r)^−3 = 1 − 0.956552578...                = 0.043447421...
   *   instalment   = 1,000 × 0.014916666... / 0.043447421... = 14.916666... / 0.043447421... = 343.3268... → 343.33
   *   line 1: interest 1,000.00 × r = 14.9166... → 14.92; principal 343.33 − 14.92 = 328.41; closing 671.59
   *   line 2: interest   671.59 × r = 10.0178... → 10.02; principal 333.31;                closing 338.28
   *   line 3: interest   338.28 × r =  5.0460... →  5.05; principal = the balance 338.28;   total 343.33
   * </pre>
   */
  @Test
  void oneThousandAtSeventeenPointNinePercentOverThreeMonths() {
    List<ScheduledInstalment> lines = calculator.schedule(money("1000.00"), new BigDecimal("0.179"), 3, 0,
        MID_JANUARY);

    assertThat(lines).hasSize(3);
    assertLine(lines.get(0), 1, "2027-02-15", "1000.00", "328.41", "14.92", "343.33", "671.59");
    assertLine(lines.get(1), 2, "2027-03-15", "671.59", "333.31", "10.02", "343.33", "338.28");
    assertLine(lines.get(2), 3, "2027-04-15", "338.28", "338.28", "5.05", "343.33", "0.00");
  }

  /**
   * 12,000.00 at 12 % over 12 months, the first 3 interest-free:
   * <pre>
   *   lines 1-3: principal 12,000 / 12 = 1,000.00 each, no interest;  balance left 9,000.00
   *   r = 0.01; annuity on 9,000.00 over the remaining 9 months:
   *     9,000 × 0.01 / (1 − 1.01^−9) = 90 / (1 − 0.914339824...) = 90 / 0.085660175... = 1,050.6632... → 1,050.66
   *   line 4: interest 9,000.00 × 0.01 = 90.00; principal 960.66; closing 8,039.34
   *   line 12: opening 1,040.28; interest 10.40; principal 1,040.28; total 1,050.68
   * </pre>
   */
  @Test
  void interestFreeMonthsRepayAnEvenShareOfPrincipalThenTheRestIsAnAnnuity() {
    List<ScheduledInstalment> lines = calculator.schedule(money("12000.00"), new BigDecimal("0.12"), 12, 3,
        MID_JANUARY);

    assertThat(lines.subList(0, 3)).allSatisfy(line -> {
      assertThat(line.interest()).isEqualTo(money("0.00"));
      assertThat(line.principal()).isEqualTo(money("1000.00"));
      assertThat(line.total()).isEqualTo(money("1000.00"));
    });
    assertLine(lines.get(3), 4, "2027-05-15", "9000.00", "960.66", "90.00", "1050.66", "8039.34");
    assertLine(lines.get(4), 5, "2027-06-15", "8039.34", "970.27", "80.39", "1050.66", "7069.07");
    assertThat(lines.subList(3, 11)).allSatisfy(line -> assertThat(line.total()).isEqualTo(money("1050.66")));
    assertLine(lines.get(11), 12, "2028-01-15", "1040.28", "1040.28", "10.40", "1050.68", "0.00");
    assertThat(sum(lines, ScheduledInstalment::principal)).isEqualTo(money("12000.00"));
  }

  /**
   * 10,000.00 at 8.99 % over 12 months, 2 interest-free: 10,000 / 12 = 833.333... → 833.33 in each free month,
   * leaving 8,333.34 to amortise over 10 months: 8,333.34 × 0.0074916... / (1 − 1.0074916...^−10) = 868.055... → 868.06.
   */
  @Test
  void interestFreePrincipalIsTheAmountOverTheTermRoundedToTheCent() {
    List<ScheduledInstalment> lines = calculator.schedule(money("10000.00"), new BigDecimal("0.0899"), 12, 2,
        MID_JANUARY);

    assertLine(lines.get(0), 1, "2027-02-15", "10000.00", "833.33", "0.00", "833.33", "9166.67");
    assertLine(lines.get(1), 2, "2027-03-15", "9166.67", "833.33", "0.00", "833.33", "8333.34");
    assertLine(lines.get(2), 3, "2027-04-15", "8333.34", "805.63", "62.43", "868.06", "7527.71");
    assertLine(lines.get(11), 12, "2028-01-15", "861.56", "861.56", "6.45", "868.01", "0.00");
  }

  @Test
  void dueDatesKeepTheDayOfMonthAndFallOnTheLastDayOfShorterMonths() {
    List<ScheduledInstalment> lines = calculator.schedule(money("6000.00"), new BigDecimal("0.10"), 6, 0,
        LocalDate.of(2027, 1, 31));

    assertThat(lines).extracting(ScheduledInstalment::dueDate).containsExactly(
        LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30),
        LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 31));

    assertThat(calculator.schedule(money("6000.00"), new BigDecimal("0.10"), 2, 0, LocalDate.of(2028, 1, 31)))
        .extracting(ScheduledInstalment::dueDate)
        .containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
    assertThat(calculator.schedule(money("6000.00"), new BigDecimal("0.10"), 3, 0, LocalDate.of(2027, 1, 30)))
        .extracting(ScheduledInstalment::dueDate)
        .containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 30));
    assertThat(calculator.schedule(money("6000.00"), new BigDecimal("0.10"), 2, 0, LocalDate.of(2027, 12, 31)))
        .extracting(ScheduledInstalment::dueDate)
        .containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29));
  }

  @Test
  void zeroRateRepaysEqualPrincipalPartsAndTheLastTakesTheRemainder() {
    List<ScheduledInstalment> lines = calculator.schedule(money("100.00"), BigDecimal.ZERO, 3, 0, MID_JANUARY);

    assertThat(lines).extracting(ScheduledInstalment::principal)
        .containsExactly(money("33.33"), money("33.33"), money("33.34"));
    assertThat(lines).extracting(ScheduledInstalment::interest).containsOnly(money("0.00"));
    assertThat(lines).extracting(ScheduledInstalment::total)
        .containsExactly(money("33.33"), money("33.33"), money("33.34"));
    assertThat(lines.get(2).closingBalance()).isEqualTo(money("0.00"));

    // rounding up: 200 / 3 = 66.666... → 66.67, 66.67, and the last gets 66.66
    assertThat(calculator.schedule(money("200.00"), BigDecimal.ZERO, 3, 1, MID_JANUARY))
        .extracting(ScheduledInstalment::principal)
        .containsExactly(money("66.67"), money("66.67"), money("66.66"));
  }

  @Test
  void aSingleInstalmentRepaysEverythingWithOneMonthOfInterest() {
    // 1,200.00 at 12 %: one month's interest 1,200.00 × 0.01 = 12.00
    assertThat(calculator.schedule(money("1200.00"), new BigDecimal("0.12"), 1, 0, MID_JANUARY))
        .singleElement()
        .satisfies(line -> assertLine(line, 1, "2027-02-15", "1200.00", "1200.00", "12.00", "1212.00", "0.00"));
  }

  @Test
  void theScheduleIsImmutable() {
    List<ScheduledInstalment> lines = calculator.schedule(money("1000.00"), new BigDecimal("0.05"), 3, 0,
        MID_JANUARY);

    assertThatThrownBy(() -> lines.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsInputOutsideItsBounds() {
    BigDecimal rate = new BigDecimal("0.05");
    assertThatThrownBy(() -> calculator.schedule(money("0.00"), rate, 12, 0, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("-1.00"), rate, 12, 0, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(new BigDecimal("100.001"), rate, 12, 0, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("100.00"), new BigDecimal("-0.01"), 12, 0, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("100.00"), rate, 0, 0, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("100.00"), rate, 12, 12, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("100.00"), rate, 12, -1, MID_JANUARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.schedule(money("100.00"), rate, 12, 0, null))
        .isInstanceOf(NullPointerException.class);
  }

  static Stream<Arguments> ratesAndTerms() {
    List<Arguments> cases = new ArrayList<>();
    for (String rate : List.of("0", "0.0001", "0.035", "0.072", "0.0899", "0.179", "0.24", "0.36")) {
      for (int term : List.of(1, 2, 3, 6, 7, 12, 18, 24, 36, 48, 60, 120)) {
        cases.add(Arguments.of(new BigDecimal(rate), term));
      }
    }
    return cases.stream();
  }

  /**
   * For many amounts and every number of interest-free months, the schedule adds up and each line follows the
   * method, checked against an independent (floating-point) annuity and a bound on what the last line absorbs.
   */
  @ParameterizedTest(name = "rate {0}, {1} months")
  @MethodSource("ratesAndTerms")
  void everyScheduleAddsUpToTheAmountAndFollowsTheMethod(BigDecimal rate, int term) {
    for (String amount : List.of("100.00", "999.99", "1000.00", "1234.56", "5000.01", "33333.33", "50000.00",
        "999999.99")) {
      for (int free = 0; free < term; free += Math.max(1, term / 4)) {
        check(money(amount), rate, term, free);
      }
      check(money(amount), rate, term, term - 1);
    }
  }

  /** Degenerate input (cents over decades at high rates) still yields a schedule without negative lines. */
  @Test
  void degenerateLoansStillCloseAtZeroWithoutNegativeLines() {
    for (String amount : List.of("0.01", "0.99", "1.00", "50000.00")) {
      for (String rate : List.of("0", "0.179", "0.36", "0.999999")) {
        for (int term : List.of(1, 59, 60, 360)) {
          List<ScheduledInstalment> lines = calculator.schedule(money(amount), new BigDecimal(rate), term, 0,
              MID_JANUARY);
          String label = amount + " at " + rate + " over " + term;
          assertThat(lines).as(label).hasSize(term);
          assertThat(sum(lines, ScheduledInstalment::principal)).as(label).isEqualTo(money(amount));
          assertThat(lines.get(term - 1).closingBalance()).as(label).isEqualTo(money("0.00"));
          assertThat(lines).as(label).allSatisfy(line -> {
            assertThat(line.principal().signum()).isNotNegative();
            assertThat(line.interest().signum()).isNotNegative();
            assertThat(line.closingBalance().signum()).isNotNegative();
          });
        }
      }
    }
  }

  private void check(BigDecimal amount, BigDecimal rate, int term, int free) {
    String label = amount + " at " + rate + " over " + term + " months, " + free + " interest-free";
    LocalDate disbursedOn = LocalDate.of(2027, 1, 31);
    List<ScheduledInstalment> lines = calculator.schedule(amount, rate, term, free, disbursedOn);

    assertThat(lines).as(label).hasSize(term);
    assertThat(sum(lines, ScheduledInstalment::principal)).as(label).isEqualTo(amount);
    assertThat(lines.get(0).openingBalance()).as(label).isEqualTo(amount);
    assertThat(lines.get(term - 1).closingBalance()).as(label).isEqualTo(money("0.00"));

    BigDecimal even = amount.divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP);
    for (int i = 0; i < term; i++) {
      ScheduledInstalment line = lines.get(i);
      String at = label + ", line " + (i + 1);
      assertThat(line.sequence()).as(at).isEqualTo(i + 1);
      assertThat(line.dueDate()).as(at).isEqualTo(disbursedOn.plusMonths(i + 1));
      assertThat(List.of(line.principal(), line.interest(), line.total(), line.openingBalance(), line.closingBalance()))
          .as(at).allSatisfy(value -> {
            assertThat(value.scale()).isEqualTo(2);
            assertThat(value.signum()).isNotNegative();
          });
      assertThat(line.total()).as(at).isEqualTo(line.principal().add(line.interest()));
      assertThat(line.closingBalance()).as(at).isEqualTo(line.openingBalance().subtract(line.principal()));
      if (i > 0) {
        assertThat(line.openingBalance()).as(at).isEqualTo(lines.get(i - 1).closingBalance());
      }
      if (i < free) {
        assertThat(line.interest()).as(at).isEqualTo(money("0.00"));
        assertThat(line.principal()).as(at).isEqualTo(even);
      } else {
        BigDecimal expectedInterest = line.openingBalance().multiply(rate)
            .divide(BigDecimal.valueOf(12), 20, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
        assertThat(line.interest()).as(at).isEqualTo(expectedInterest);
      }
    }

    int months = term - free;
    if (months > 1) {
      // the annuity part: level totals but for the last, which absorbs the rounding
      BigDecimal level = lines.get(free).total();
      assertThat(lines.subList(free, term - 1)).as(label)
          .allSatisfy(line -> assertThat(line.total()).isEqualTo(level));
      double balance = lines.get(free).openingBalance().doubleValue();
      double r = rate.doubleValue() / 12;
      double annuity = r == 0 ? balance / months : balance * r / (1 - Math.pow(1 + r, -months));
      assertThat(level.doubleValue()).as(label + ": instalment against the annuity formula")
          .isCloseTo(annuity, Offset.offset(0.0051));
      // each period's rounding (at most half a cent on the instalment and on the interest) carries forward at r
      double carried = r == 0 ? 0.005 * months : 0.01 * (Math.pow(1 + r, months) - 1) / r;
      double lastDifference = Math.abs(lines.get(term - 1).total().subtract(level).doubleValue());
      assertThat(lastDifference).as(label + ": what the last instalment absorbs").isLessThanOrEqualTo(carried + 0.01);
    }
  }

  private static void assertLine(ScheduledInstalment line, int sequence, String dueDate, String opening,
      String principal, String interest, String total, String closing) {
    assertThat(line.sequence()).isEqualTo(sequence);
    assertThat(line.dueDate()).isEqualTo(LocalDate.parse(dueDate));
    assertThat(line.openingBalance()).as("opening of " + sequence).isEqualTo(money(opening));
    assertThat(line.principal()).as("principal of " + sequence).isEqualTo(money(principal));
    assertThat(line.interest()).as("interest of " + sequence).isEqualTo(money(interest));
    assertThat(line.total()).as("total of " + sequence).isEqualTo(money(total));
    assertThat(line.closingBalance()).as("closing of " + sequence).isEqualTo(money(closing));
  }

  private static BigDecimal sum(List<ScheduledInstalment> lines,
      Function<ScheduledInstalment, BigDecimal> amount) {
    return lines.stream().map(amount).reduce(money("0.00"), BigDecimal::add);
  }

  /** Exactly the given amount at scale 2: {@code isEqualTo} on BigDecimal compares scale too. */
  private static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
  }
}
