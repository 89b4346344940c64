package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger rules in memory: allocation, prepayment, penalties and their cap, days past due, status. */
class LoanAccountTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);
  private static final ServicingProperties RULES = rules("0.0005", "0.10", 0);

  static ServicingProperties rules(String rate, String cap, int graceDays) {
    return new ServicingProperties(new BigDecimal(rate), new BigDecimal(cap), graceDays, 3, Duration.ofMillis(1),
        Duration.ofMinutes(5));
  }

  /** 1,200.00 at 12 % over 12 months: instalments of 106.62, the first with 12.00 interest. */
  static LoanAccount account(String principal, String rate, int term, ServicingProperties rules) {
    CreditLine line = CreditLine.open("customer-1", "APP-1", "CNY", new BigDecimal("100000.00"), RiskGrade.B,
        Instant.parse("2027-01-31T02:00:00Z"));
    var schedule = new RepaymentScheduleCalculator().schedule(new BigDecimal(principal), new BigDecimal(rate), term, 0,
        DISBURSED);
    Loan loan = Loan.book("LN0000000000AA", line, "APP-1", new BigDecimal(principal), new BigDecimal(rate), term, 0,
        DISBURSED, schedule, Instant.parse("2027-01-31T02:00:00Z"));
    return new LoanAccount(loan, loan.instalments(schedule), rules);
  }

  /** Closes every day after the last close (or the disbursement) through {@code date}, as the close of business does. */
  static void closeThrough(LoanAccount account, LocalDate date) {
    LocalDate last = account.loan().getLastClosedOn();
    for (LocalDate day = (last == null ? DISBURSED : last).plusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
      account.accruePenalty(day);
    }
    account.loan().closedThrough(date);
    account.restate(date);
  }

  static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  @Test
  void penaltiesAccrueDailyOnOverdueInstalmentsOldestFirst() {
    LoanAccount account = account("1200.00", "0.12", 12, RULES);
    Instalment first = account.lines().get(0);
    assertThat(first.getTotalDue()).isEqualTo(money("106.62"));
    assertThat(first.getInterestDue()).isEqualTo(money("12.00"));

    closeThrough(account, LocalDate.of(2027, 2, 27));
    assertThat(account.loan().getPenaltyAccrued()).isEqualTo(money("0.00"));
    assertThat(account.loan().getDaysPastDue()).isZero();
    assertThat(first.getStatus()).isEqualTo(InstalmentStatus.DUE);

    // the due date's close: unpaid at the end of the day is one day past due, and accrues 106.62 × 0.0005 = 0.05
    closeThrough(account, LocalDate.of(2027, 2, 28));
    assertThat(account.loan().getDaysPastDue()).isEqualTo(1);
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(first.getStatus()).isEqualTo(InstalmentStatus.OVERDUE);
    assertThat(first.getPenaltyAccrued()).isEqualTo(money("0.05"));
    assertThat(account.loan().getOutstandingInterest()).isEqualTo(money("12.00"));

    closeThrough(account, LocalDate.of(2027, 3, 31));
    // 32 days on the first (0.05 each), 1 on the second
    assertThat(account.loan().getDaysPastDue()).isEqualTo(32);
    assertThat(first.getPenaltyAccrued()).isEqualTo(money("1.60"));
    assertThat(account.lines().get(1).getPenaltyAccrued()).isEqualTo(money("0.05"));
    assertThat(account.loan().getOutstandingPenalty()).isEqualTo(money("1.65"));
    assertThat(account.loan().getPenaltyAccrued()).isEqualTo(money("1.65"));
  }

  @Test
  void penaltiesStopAtTheCap() {
    // 1 % a day on 106.62 = 1.07 a day; cap 1 % of 1,200.00 = 12.00
    LoanAccount account = account("1200.00", "0.12", 12, rules("0.0100", "0.01", 0));
    closeThrough(account, LocalDate.of(2027, 3, 10));
    assertThat(account.loan().getPenaltyAccrued()).isEqualTo(money("11.77"));
    // the twelfth day would make 12.84: only 0.23 is accrued
    closeThrough(account, LocalDate.of(2027, 3, 11));
    assertThat(account.lines().get(0).getPenaltyAccrued()).isEqualTo(money("12.00"));
    closeThrough(account, LocalDate.of(2028, 6, 30));
    assertThat(account.loan().getPenaltyAccrued()).isEqualTo(money("12.00"));
    assertThat(account.loan().getOutstandingPenalty()).isEqualTo(money("12.00"));
    assertThat(account.lines().stream().map(Instalment::getPenaltyAccrued).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("12.00");
    closeThrough(account, LocalDate.of(2028, 12, 31));
    assertThat(account.loan().getPenaltyAccrued()).isEqualTo(money("12.00"));
  }

  @Test
  void aPaymentPaysPenaltyThenInterestThenPrincipalOldestInstalmentFirst() {
    LoanAccount account = account("1200.00", "0.12", 12, RULES);
    closeThrough(account, LocalDate.of(2027, 3, 31));
    Instalment first = account.lines().get(0);
    Instalment second = account.lines().get(1);
    LocalDate valueDate = LocalDate.of(2027, 4, 1);

    // penalty before anything else: 1.00 of the first's 1.60
    LoanAccount.Allocation penaltyOnly = account.allocate(money("1.00"), account.horizon(valueDate));
    assertThat(penaltyOnly.lines()).singleElement().satisfies(line -> {
      assertThat(line.penalty()).isEqualTo(money("1.00"));
      assertThat(line.interest()).isEqualTo(money("0.00"));
      assertThat(line.principal()).isEqualTo(money("0.00"));
    });
    // then interest before principal: 5.00 of the 12.00
    LoanAccount.Allocation interestToo = account.allocate(money("5.60"), account.horizon(valueDate));
    assertThat(interestToo.penalty()).isEqualTo(money("0.60"));
    assertThat(interestToo.interest()).isEqualTo(money("5.00"));
    assertThat(interestToo.principal()).isEqualTo(money("0.00"));

    // the other 7.00 interest + 10.00 principal of the first; nothing of the second
    LoanAccount.Allocation partial = account.allocate(money("17.00"), account.horizon(valueDate));
    assertThat(partial.lines()).singleElement().satisfies(line -> {
      assertThat(line.line()).isSameAs(first);
      assertThat(line.penalty()).isEqualTo(money("0.00"));
      assertThat(line.interest()).isEqualTo(money("7.00"));
      assertThat(line.principal()).isEqualTo(money("10.00"));
    });
    assertThat(partial.prepaidPrincipal()).isEqualTo(money("0.00"));
    assertThat(account.loan().getOutstandingPrincipal()).isEqualTo(money("1190.00"));
    account.restate(valueDate);
    assertThat(account.loan().getDaysPastDue()).isEqualTo(32);
    assertThat(first.getStatus()).isEqualTo(InstalmentStatus.OVERDUE);

    // the rest of the first (84.62 principal), then the second: penalty 0.05, interest, 1.00 of principal
    BigDecimal secondInterest = second.getInterestDue();
    LoanAccount.Allocation next = account.allocate(money("84.62").add(money("0.05")).add(secondInterest)
        .add(money("1.00")), account.horizon(valueDate));
    assertThat(next.lines()).hasSize(2);
    assertThat(next.lines().get(0).principal()).isEqualTo(money("84.62"));
    assertThat(next.lines().get(1).penalty()).isEqualTo(money("0.05"));
    assertThat(next.lines().get(1).interest()).isEqualTo(secondInterest);
    assertThat(next.lines().get(1).principal()).isEqualTo(money("1.00"));
    account.restate(valueDate);
    assertThat(first.getStatus()).isEqualTo(InstalmentStatus.PAID);
    // days past due now run from the second instalment (due 31 March, closed through 31 March)
    assertThat(account.loan().getDaysPastDue()).isEqualTo(1);
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.DELINQUENT);
  }

  @Test
  void clearingTheArrearsMakesADelinquentLoanActiveAgain() {
    LoanAccount account = account("1200.00", "0.12", 12, RULES);
    closeThrough(account, LocalDate.of(2027, 3, 5));
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.DELINQUENT);
    LocalDate valueDate = LocalDate.of(2027, 3, 6);
    account.allocate(account.totalOutstanding(account.horizon(valueDate)).subtract(
        account.loan().getOutstandingPrincipal()).add(account.lines().get(0).getPrincipalDue()),
        account.horizon(valueDate));
    account.restate(valueDate);
    assertThat(account.loan().getDaysPastDue()).isZero();
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(account.loan().getOutstandingPenalty()).isEqualTo(money("0.00"));
    assertThat(account.loan().getOutstandingInterest()).isEqualTo(money("0.00"));
  }

  @Test
  void graceDaysKeepTheLoanActiveUntilTheyAreUsedUp() {
    LoanAccount account = account("1200.00", "0.12", 12, rules("0.0005", "0.10", 5));
    closeThrough(account, LocalDate.of(2027, 3, 4));
    assertThat(account.loan().getDaysPastDue()).isEqualTo(5);
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.ACTIVE);
    closeThrough(account, LocalDate.of(2027, 3, 5));
    assertThat(account.loan().getDaysPastDue()).isEqualTo(6);
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.DELINQUENT);
  }

  @Test
  void aPrepaymentKeepsTheTermAndRecalculatesTheInstalmentsNotYetDue() {
    LoanAccount account = account("1200.00", "0.12", 12, RULES);
    List<Instalment> before = account.lines();
    LocalDate valueDate = LocalDate.of(2027, 2, 28);
    // the first instalment (106.62) and 500.00 more
    LoanAccount.Allocation allocation = account.allocate(money("606.62"), account.horizon(valueDate));
    assertThat(allocation.prepaidPrincipal()).isEqualTo(money("500.00"));
    List<Instalment> next = account.prepay(allocation.prepaidPrincipal(), account.horizon(valueDate), valueDate);
    account.restate(valueDate);

    // 1,200.00 − 94.62 − 500.00
    assertThat(account.loan().getOutstandingPrincipal()).isEqualTo(money("605.38"));
    assertThat(account.loan().getScheduleVersion()).isEqualTo(2);
    assertThat(next).hasSize(12).allSatisfy(line -> assertThat(line.getScheduleVersion()).isEqualTo(2));
    assertThat(next).extracting(Instalment::getDueDate).containsExactlyElementsOf(
        before.stream().map(Instalment::getDueDate).toList());
    assertThat(next.get(0).getStatus()).isEqualTo(InstalmentStatus.PAID);
    assertThat(next.get(0).getPrincipalPaid()).isEqualTo(money("94.62"));
    List<Instalment> rest = next.subList(1, 12);
    assertThat(rest.stream().map(Instalment::getPrincipalDue).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("605.38");
    // interest of the running period on the reduced principal: 605.38 × 1 %
    assertThat(rest.get(0).getInterestDue()).isEqualTo(money("6.05"));
    assertThat(rest.get(0).getTotalDue()).isLessThan(before.get(1).getTotalDue());
    assertThat(rest.get(0).getTotalDue()).isEqualTo(rest.get(5).getTotalDue());
    // the first version is untouched apart from what was paid on it
    assertThat(before.get(1).getScheduleVersion()).isEqualTo(1);
    assertThat(before.get(1).getPrincipalDue()).isEqualTo(money("95.57"));
    assertThat(account.loan().getMaturityDate()).isEqualTo(LocalDate.of(2028, 1, 31));
  }

  @Test
  void payingEverythingSettlesTheLoanWithAClosingLine() {
    LoanAccount account = account("1200.00", "0.12", 12, RULES);
    LocalDate valueDate = LocalDate.of(2027, 3, 1);
    BigDecimal total = account.totalOutstanding(account.horizon(valueDate));
    // 1,200.00 principal + 12.00 interest of the first instalment; no penalty (no close yet)
    assertThat(total).isEqualTo(money("1212.00"));
    LoanAccount.Allocation allocation = account.allocate(total, account.horizon(valueDate));
    List<Instalment> next = account.prepay(allocation.prepaidPrincipal(), account.horizon(valueDate), valueDate);
    assertThat(account.restate(valueDate)).isTrue();
    assertThat(account.loan().getStatus()).isEqualTo(LoanStatus.SETTLED);
    assertThat(account.loan().getBalance()).isEqualTo(money("0.00"));
    assertThat(next).hasSize(2);
    assertThat(next.get(1).getPrincipalPaid()).isEqualTo(money("1105.38"));
    assertThat(next.get(1).getDueDate()).isEqualTo(valueDate);
    assertThat(next).allSatisfy(line -> assertThat(line.getStatus()).isEqualTo(InstalmentStatus.PAID));
  }
}
