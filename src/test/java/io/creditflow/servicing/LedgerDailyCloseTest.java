package io.creditflow.servicing;

import static io.creditflow.servicing.Ledger.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.web.NotFoundException;
import io.creditflow.servicing.DailyClose.DayEnd;
import io.creditflow.servicing.DailyClose.DueInstalment;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CreditFlowWebTest
class LedgerDailyCloseTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @Autowired DailyClose close;
  @Autowired DisbursementService disbursements;
  @Autowired PaymentService payments;
  @Autowired LoanRepository loans;
  @Autowired LoanQueries queries;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String loan(LocalDate disbursedOn, String amount) {
    Ledger.today(disbursedOn);
    return Ledger.loan(disbursements, amount, "0.12", 12);
  }

  @Test
  void closeDaysClosesAGroupInOrderOrNoneOfItWhenOneFails() {
    String first = loan(DISBURSED, "1200.00");
    String second = loan(DISBURSED, "2400.00");
    LocalDate dueDay = LocalDate.of(2027, 2, 28);

    assertThatThrownBy(() -> close.closeDays(List.of(first, "LN0000000000ZZ", second), dueDay))
        .isInstanceOf(NotFoundException.class);
    assertThat(loans.findById(first).orElseThrow().getLastClosedOn()).isNull();
    assertThat(loans.findById(first).orElseThrow().getStatus()).isEqualTo(LoanStatus.ACTIVE);

    List<DayEnd> ends = close.closeDays(List.of(second, first), dueDay);
    assertThat(ends).extracting(DayEnd::loanNumber).containsExactly(second, first);
    assertThat(ends).allSatisfy(end -> {
      assertThat(end.daysPastDue()).isEqualTo(1);
      assertThat(end.newlyPastDue()).isTrue();
      assertThat(end.alreadyClosed()).isFalse();
    });
    assertThat(loans.findById(first).orElseThrow().getStatus()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(close.closeDays(List.of(first), dueDay)).singleElement()
        .satisfies(end -> assertThat(end.alreadyClosed()).isTrue());
  }

  @Test
  void daysPastDueRunFromTheOldestUnpaidInstalmentAndTheLoanTurnsDelinquent() {
    String loanNumber = loan(DISBURSED, "1200.00");

    DayEnd beforeDue = close.closeDay(loanNumber, LocalDate.of(2027, 2, 27));
    assertThat(beforeDue).isEqualTo(new DayEnd(loanNumber, LocalDate.of(2027, 2, 27), 0, LoanStatus.ACTIVE, false,
        false, false));

    DayEnd dueDay = close.closeDay(loanNumber, LocalDate.of(2027, 2, 28));
    assertThat(dueDay.daysPastDue()).isEqualTo(1);
    assertThat(dueDay.status()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(dueDay.newlyPastDue()).isTrue();

    DayEnd later = close.closeDay(loanNumber, LocalDate.of(2027, 4, 1));
    assertThat(later.daysPastDue()).isEqualTo(33);
    assertThat(later.newlyPastDue()).isFalse();
    List<Instalment> schedule = queries.loan(loanNumber).orElseThrow().schedule();
    assertThat(schedule.get(0).getStatus()).isEqualTo(InstalmentStatus.OVERDUE);
    assertThat(schedule.get(1).getStatus()).isEqualTo(InstalmentStatus.OVERDUE);
    assertThat(schedule.get(2).getStatus()).isEqualTo(InstalmentStatus.DUE);
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getLastClosedOn()).isEqualTo(LocalDate.of(2027, 4, 1));
    // interest of the two instalments due is billed, the rest is not
    assertThat(loan.getOutstandingInterest())
        .isEqualTo(schedule.get(0).getInterestDue().add(schedule.get(1).getInterestDue()));

    // pay the first instalment: days past due run from the second (due 31 March)
    Ledger.today(LocalDate.of(2027, 4, 2));
    BigDecimal first = schedule.get(0).getTotalDue().add(schedule.get(0).getPenaltyAccrued());
    PaymentView paid = payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(), first,
        LocalDate.of(2027, 4, 2), PaymentChannel.BANK_TRANSFER)).payment();
    assertThat(paid.daysPastDueAfter()).isEqualTo(2);
    assertThat(close.closeDay(loanNumber, LocalDate.of(2027, 4, 2)).daysPastDue()).isEqualTo(3);
  }

  @Test
  void aDateClosedAlreadyChangesNothing() {
    String loanNumber = loan(DISBURSED, "1200.00");
    DayEnd first = close.closeDay(loanNumber, LocalDate.of(2027, 3, 10));
    Loan afterFirst = loans.findById(loanNumber).orElseThrow();

    DayEnd again = close.closeDay(loanNumber, LocalDate.of(2027, 3, 10));
    DayEnd earlier = close.closeDay(loanNumber, LocalDate.of(2027, 3, 1));

    assertThat(first.alreadyClosed()).isFalse();
    assertThat(again).isEqualTo(new DayEnd(loanNumber, LocalDate.of(2027, 3, 10), first.daysPastDue(),
        first.status(), false, false, true));
    assertThat(earlier.alreadyClosed()).isTrue();
    Loan afterAgain = loans.findById(loanNumber).orElseThrow();
    assertThat(afterAgain.getVersion()).isEqualTo(afterFirst.getVersion());
    assertThat(afterAgain.getPenaltyAccrued()).isEqualTo(afterFirst.getPenaltyAccrued());
    assertThat(afterAgain.getLastClosedOn()).isEqualTo(LocalDate.of(2027, 3, 10));
    assertThatThrownBy(() -> close.closeDay("LN0000000000ZZ", LocalDate.of(2027, 3, 10)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void closingThreeDaysAtOnceIsClosingEachOfThem() {
    String daily = loan(DISBURSED, "1200.00");
    String atOnce = loan(DISBURSED, "1200.00");
    for (LocalDate day = LocalDate.of(2027, 2, 1); !day.isAfter(LocalDate.of(2027, 3, 29)); day = day.plusDays(1)) {
      close.closeDay(daily, day);
    }
    close.closeDay(atOnce, LocalDate.of(2027, 3, 26));

    // the second instalment falls due inside the three days
    List<DayEnd> each = List.of(close.closeDay(daily, LocalDate.of(2027, 3, 30)),
        close.closeDay(daily, LocalDate.of(2027, 3, 31)), close.closeDay(daily, LocalDate.of(2027, 4, 1)));
    DayEnd jump = close.closeDay(atOnce, LocalDate.of(2027, 4, 1));

    assertThat(jump.daysPastDue()).isEqualTo(each.get(2).daysPastDue()).isEqualTo(33);
    assertThat(jump.status()).isEqualTo(each.get(2).status());
    Loan a = loans.findById(daily).orElseThrow();
    Loan b = loans.findById(atOnce).orElseThrow();
    assertThat(b.getPenaltyAccrued()).isEqualTo(a.getPenaltyAccrued());
    assertThat(b.getOutstandingPenalty()).isEqualTo(a.getOutstandingPenalty());
    assertThat(b.getOutstandingInterest()).isEqualTo(a.getOutstandingInterest());
    assertThat(b.getLastClosedOn()).isEqualTo(a.getLastClosedOn());
    List<Instalment> linesA = queries.loan(daily).orElseThrow().schedule();
    List<Instalment> linesB = queries.loan(atOnce).orElseThrow().schedule();
    for (int i = 0; i < linesA.size(); i++) {
      assertThat(linesB.get(i).getPenaltyAccrued()).isEqualTo(linesA.get(i).getPenaltyAccrued());
      assertThat(linesB.get(i).getStatus()).isEqualTo(linesA.get(i).getStatus());
    }
    // 33 days × 0.05 on the first, 2 × 0.05 on the second (0.0005 a day on 106.62 and on 106.62)
    assertThat(a.getPenaltyAccrued()).isEqualTo(money("1.75"));
  }

  @Test
  void penaltiesAccrueEveryDayAndStopAtTheCap() {
    String loanNumber = loan(DISBURSED, "1200.00");
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 1));
    assertThat(loans.findById(loanNumber).orElseThrow().getPenaltyAccrued()).isEqualTo(money("0.10"));
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 2));
    assertThat(loans.findById(loanNumber).orElseThrow().getPenaltyAccrued()).isEqualTo(money("0.15"));

    // long after maturity: 10 % of 1,200.00
    close.closeDay(loanNumber, LocalDate.of(2029, 12, 31));
    Loan capped = loans.findById(loanNumber).orElseThrow();
    assertThat(capped.getPenaltyAccrued()).isEqualTo(money("120.00"));
    assertThat(capped.getOutstandingPenalty()).isEqualTo(money("120.00"));
    close.closeDay(loanNumber, LocalDate.of(2030, 1, 31));
    assertThat(loans.findById(loanNumber).orElseThrow().getPenaltyAccrued()).isEqualTo(money("120.00"));
  }

  @Test
  void openLoansArePagedByLoanNumberWithoutSettledOnes() {
    List<String> mine = new ArrayList<>(List.of(loan(DISBURSED, "1200.00"), loan(DISBURSED, "1200.00"),
        loan(DISBURSED, "1200.00")));
    String settled = loan(DISBURSED, "100.00");
    payments.post(settled, new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal("100.00"), DISBURSED,
        PaymentChannel.APP));

    List<String> all = new ArrayList<>();
    String after = null;
    for (List<String> page = close.openLoans(after, 2); !page.isEmpty(); page = close.openLoans(after, 2)) {
      assertThat(page.size()).isLessThanOrEqualTo(2);
      all.addAll(page);
      after = page.get(page.size() - 1);
    }
    assertThat(all).containsAll(mine).doesNotContain(settled).doesNotHaveDuplicates().isSorted();
    assertThat(all).hasSize((int) loans.findAll().stream().filter(loan -> !loan.isClosed()).count());
    assertThatThrownBy(() -> close.openLoans(null, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unpaidInstalmentsDueOnADateArePagedForReminders() {
    LocalDate disbursed = LocalDate.of(2031, 5, 17);
    LocalDate due = LocalDate.of(2031, 6, 17);
    List<String> unpaid = List.of(loan(disbursed, "1200.00"), loan(disbursed, "1200.00"),
        loan(disbursed, "1200.00"));
    String paid = loan(disbursed, "1200.00");
    String partlyPaid = loan(disbursed, "1200.00");
    Ledger.today(due);
    payments.post(paid, new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal("106.62"), due,
        PaymentChannel.DIRECT_DEBIT));
    payments.post(partlyPaid, new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal("6.62"), due,
        PaymentChannel.DIRECT_DEBIT));

    List<DueInstalment> all = new ArrayList<>();
    String after = null;
    for (List<DueInstalment> page = close.unpaidInstalmentsDueOn(due, after, 2); !page.isEmpty();
        page = close.unpaidInstalmentsDueOn(due, after, 2)) {
      all.addAll(page);
      after = page.get(page.size() - 1).loanNumber();
    }
    assertThat(all).extracting(DueInstalment::loanNumber)
        .containsExactlyElementsOf(java.util.stream.Stream.concat(unpaid.stream(), java.util.stream.Stream.of(
            partlyPaid)).sorted().toList());
    assertThat(all).allSatisfy(line -> {
      assertThat(line.sequenceNumber()).isEqualTo(1);
      assertThat(line.dueDate()).isEqualTo(due);
      assertThat(line.currency()).isEqualTo("CNY");
      assertThat(line.customerId()).isEqualTo(loans.findById(line.loanNumber()).orElseThrow().getCustomerId());
    });
    assertThat(all).filteredOn(line -> line.loanNumber().equals(partlyPaid)).singleElement()
        .satisfies(line -> assertThat(line.amountDue()).isEqualTo(money("100.00")));
    assertThat(all).filteredOn(line -> unpaid.contains(line.loanNumber()))
        .allSatisfy(line -> assertThat(line.amountDue()).isEqualTo(money("106.62")));
    assertThat(close.unpaidInstalmentsDueOn(due.plusDays(1), null, 10)).isEmpty();
  }
}
