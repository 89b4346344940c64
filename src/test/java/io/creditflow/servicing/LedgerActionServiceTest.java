package io.creditflow.servicing;

import static io.creditflow.servicing.Ledger.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.audit.AuditEvent;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CreditFlowWebTest
class LedgerActionServiceTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @Autowired LedgerActions actions;
  @Autowired DisbursementService disbursements;
  @Autowired PaymentService payments;
  @Autowired LedgerDailyClose close;
  @Autowired LoanQueries queries;
  @Autowired LoanRepository loans;
  @Autowired InstalmentRepository instalments;
  @Autowired CreditLineRepository creditLines;
  @Autowired ScheduleChangeRepository scheduleChanges;
  @Autowired AuditTrail auditTrail;

  @BeforeEach
  void disbursementDay() {
    Ledger.today(DISBURSED);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /** The limit history is ordered by time (whole seconds): keep its entries apart. */
  private static void aMinuteLater() {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
  }

  private String lineOf(String loanNumber) {
    return loans.findById(loanNumber).orElseThrow().getCreditLineId();
  }

  private List<String> actions(String subjectType, String id) {
    return auditTrail.of(subjectType, id).stream().map(AuditEvent::getAction).toList();
  }

  @Test
  void aFrozenLineCannotBeDrawnAndFreezingTwiceChangesNothing() {
    String lineId = lineOf(Ledger.loan(disbursements, "1200.00", "0.12", 12));

    actions.freezeLine(lineId, "fund usage FU-1: SECURITIES", "risk");
    actions.freezeLine(lineId, "fund usage FU-1: SECURITIES", "risk");

    CreditLine frozen = creditLines.findById(lineId).orElseThrow();
    assertThat(frozen.getStatus()).isEqualTo(CreditLineStatus.FROZEN);
    assertThatThrownBy(() -> frozen.drawDown(money("10.00"))).isInstanceOf(IllegalStateException.class);
    assertThat(actions("credit-line", lineId)).containsExactly("CREDIT_LINE_FROZEN");

    actions.unfreezeLine(lineId, "investigation cleared", "risk");
    actions.unfreezeLine(lineId, "investigation cleared", "risk");
    assertThat(creditLines.findById(lineId).orElseThrow().getStatus()).isEqualTo(CreditLineStatus.ACTIVE);
    assertThat(actions("credit-line", lineId)).containsExactly("CREDIT_LINE_FROZEN", "CREDIT_LINE_UNFROZEN");
    assertThat(auditTrail.of("credit-line", lineId).get(0).getActor()).isEqualTo("risk");
  }

  @Test
  void aLimitLoweredBelowTheDrawnAmountLeavesNothingAvailableUntilEnoughIsRepaid() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    String lineId = lineOf(loanNumber);

    aMinuteLater();
    actions.changeLimit(lineId, money("1000.00"), "credit review CR-7", "manager");
    CreditLine lowered = creditLines.findById(lineId).orElseThrow();
    assertThat(lowered.getCreditLimit()).isEqualTo(money("1000.00"));
    assertThat(lowered.getAvailableAmount()).isEqualTo(money("0.00"));

    // 500.00 prepaid on the disbursement day: 700.00 still drawn, 300.00 of the lowered limit available
    payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(), money("500.00"), DISBURSED,
        PaymentChannel.BANK_TRANSFER));
    assertThat(creditLines.findById(lineId).orElseThrow().getAvailableAmount()).isEqualTo(money("300.00"));

    aMinuteLater();
    actions.changeLimit(lineId, money("12000.00"), "credit review CR-8", "manager");
    actions.changeLimit(lineId, new BigDecimal("12000"), "credit review CR-8", "manager");
    CreditLine raised = creditLines.findById(lineId).orElseThrow();
    assertThat(raised.getAvailableAmount()).isEqualTo(money("11300.00"));

    List<CreditLimitChange> history = queries.creditLine(lineId).orElseThrow().limitChanges();
    assertThat(history).extracting(CreditLimitChange::getReason).containsExactly(LimitChangeReason.OPENED,
        LimitChangeReason.DECREASED, LimitChangeReason.INCREASED);
    assertThat(history.get(1).getPreviousLimit()).isEqualTo(money("10000.00"));
    assertThat(history.get(1).getNote()).isEqualTo("credit review CR-7");
    assertThat(history.get(1).getChangedBy()).isEqualTo("manager");
    assertThat(actions("credit-line", lineId)).containsExactly("CREDIT_LIMIT_DECREASED", "CREDIT_LIMIT_INCREASED");
    assertThatThrownBy(() -> actions.changeLimit(lineId, money("-1.00"), "x", "manager"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRecallMakesTheWholeBalanceDueTodayAsANewScheduleVersionOncePerDay() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    LocalDate today = LocalDate.of(2027, 3, 15);
    Ledger.today(today);

    actions.recallLoan(loanNumber, "fund usage FU-2: GAMBLING", "risk");
    actions.recallLoan(loanNumber, "fund usage FU-2: GAMBLING", "risk");

    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getScheduleVersion()).isEqualTo(2);
    assertThat(loan.getMaturityDate()).isEqualTo(today);
    List<Instalment> schedule = queries.loan(loanNumber).orElseThrow().schedule();
    // the first instalment (due 28 Feb, unpaid) keeps its age; the rest falls due today: 1,105.38 of principal and
    // the interest of the running period (11.05 from 28 Feb to 31 Mar) for 15 of its 31 days
    assertThat(schedule).hasSize(2);
    assertThat(schedule.get(0).getDueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(schedule.get(0).getTotalDue()).isEqualTo(money("106.62"));
    assertThat(schedule.get(1).getDueDate()).isEqualTo(today);
    assertThat(schedule.get(1).getPrincipalDue()).isEqualTo(money("1105.38"));
    assertThat(schedule.get(1).getInterestDue()).isEqualTo(money("5.35"));
    assertThat(loan.getOutstandingInterest()).isEqualTo(money("17.35"));
    assertThat(loan.getBalance()).isEqualTo(money("1217.35"));
    // the old version is kept
    assertThat(instalments.findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber, 1)).hasSize(12);
    assertThat(scheduleChanges.findByLoanNumberOrderByScheduleVersionAsc(loanNumber))
        .singleElement().satisfies(change -> {
          assertThat(change.getKind()).isEqualTo(ScheduleChangeKind.RECALL);
          assertThat(change.getChangedBy()).isEqualTo("risk");
        });
    assertThat(actions("loan", loanNumber)).containsOnlyOnce("LOAN_RECALLED");

    // the whole balance pays the loan off
    PaymentView paid = payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(),
        money("1217.35"), today, PaymentChannel.BANK_TRANSFER)).payment();
    assertThat(paid.loanStatusAfter()).isEqualTo(LoanStatus.SETTLED);
    // a repeat the same day is still the recall done; on another day a settled loan cannot be recalled
    actions.recallLoan(loanNumber, "fund usage FU-2: GAMBLING", "risk");
    Ledger.today(today.plusDays(1));
    assertThatThrownBy(() -> actions.recallLoan(loanNumber, "again", "risk"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRestructuringReAmortisesThePrincipalFromTheNextDueDateAndKeepsInterestAndPenaltiesOwed() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 31));
    Ledger.today(LocalDate.of(2027, 4, 1));
    Loan before = loans.findById(loanNumber).orElseThrow();
    assertThat(before.getDaysPastDue()).isEqualTo(32);

    // 1,200.00 at 1 % a month over 24 months
    assertThat(actions.quoteRestructure(loanNumber, 24)).isEqualTo(money("56.49"));
    assertThat(loans.findById(loanNumber).orElseThrow().getScheduleVersion()).isEqualTo(1);

    BigDecimal instalment = actions.restructure(loanNumber, 24, "hardship H-3", "officer");
    assertThat(actions.restructure(loanNumber, 24, "hardship H-3", "officer")).isEqualTo(instalment);

    assertThat(instalment).isEqualTo(money("56.49"));
    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.RESTRUCTURED);
    assertThat(loan.getScheduleVersion()).isEqualTo(2);
    assertThat(loan.getDaysPastDue()).isZero();
    assertThat(loan.getOutstandingPrincipal()).isEqualTo(money("1200.00"));
    assertThat(loan.getOutstandingPenalty()).isEqualTo(before.getOutstandingPenalty()).isPositive();
    assertThat(loan.getMaturityDate()).isEqualTo(LocalDate.of(2029, 3, 31));

    List<Instalment> schedule = queries.loan(loanNumber).orElseThrow().schedule();
    assertThat(schedule).hasSize(26);
    assertThat(schedule.subList(0, 2)).allSatisfy(line -> {
      assertThat(line.getStatus()).isEqualTo(InstalmentStatus.PAID);
      assertThat(line.getTotalDue()).isEqualTo(money("0.00"));
    });
    Instalment first = schedule.get(2);
    assertThat(first.getDueDate()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(first.getPrincipalDue()).isEqualTo(money("44.49"));
    // 12.00 of its own and 23.05 left unpaid on the two instalments in arrears
    assertThat(first.getInterestDue()).isEqualTo(money("35.05"));
    assertThat(first.getPenaltyAccrued()).isEqualTo(before.getOutstandingPenalty());
    assertThat(schedule.get(3).getTotalDue()).isEqualTo(money("56.49"));
    assertThat(schedule.stream().map(Instalment::getPrincipalDue).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(money("1200.00"));
    assertThat(instalments.findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber, 1)).hasSize(12);
    assertThat(actions("loan", loanNumber)).containsOnlyOnce("LOAN_RESTRUCTURED");

    // the close of business keeps the status and counts days past due from the new schedule
    close.closeDay(loanNumber, LocalDate.of(2027, 4, 1));
    assertThat(loans.findById(loanNumber).orElseThrow().getStatus()).isEqualTo(LoanStatus.RESTRUCTURED);
    assertThat(loans.findById(loanNumber).orElseThrow().getDaysPastDue()).isZero();
  }

  @Test
  void badCallsAreRefusedAndChangeNothing() {
    String loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    assertThatThrownBy(() -> actions.recallLoan("CF000000000000", "x", "risk"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> actions.freezeLine(UUID.randomUUID().toString(), "x", "risk"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> actions.restructure(loanNumber, 0, "x", "risk"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> actions.freezeLine(lineOf(loanNumber), " ", "risk"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(loans.findById(loanNumber).orElseThrow().getScheduleVersion()).isEqualTo(1);
    assertThat(creditLines.findById(lineOf(loanNumber)).orElseThrow().getStatus())
        .isEqualTo(CreditLineStatus.ACTIVE);
  }
}
