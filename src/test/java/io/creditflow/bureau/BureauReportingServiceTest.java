package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.CreditFlowWebTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link BureauReportingService} on the real ledger: idempotent per loan, kind and as-of date (also when two
 * transactions race), amounts snapshot from the ledger at scale 2, the Metro 2-like codes stored for every kind, and
 * the metric.
 */
@CreditFlowWebTest
class BureauReportingServiceTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @Autowired BureauReportingService service;
  @Autowired BureauReportStore store;
  @Autowired DisbursementService disbursements;
  @Autowired DailyClose dailyClose;
  @Autowired LoanQueries ledger;
  @Autowired Clock clock;
  @Autowired BureauReportingProperties properties;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void disbursementDay() {
    BureauTestLoans.today(DISBURSED);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theSameLoanKindAndDateIsRecordedOnce() {
    String loan = BureauTestLoans.loan(disbursements);
    LocalDate asOf = LocalDate.of(2027, 2, 1);

    String first = service.report(loan, BureauReportKind.CORRECTION, asOf, "first");
    String again = service.report(loan, BureauReportKind.CORRECTION, asOf, "a retried job");
    String otherDate = service.report(loan, BureauReportKind.CORRECTION, asOf.plusDays(1), null);
    String otherKind = service.report(loan, BureauReportKind.CURED, asOf, null);

    assertThat(again).isEqualTo(first);
    assertThat(List.of(otherDate, otherKind)).doesNotContain(first).doesNotHaveDuplicates();
    assertThat(rows(loan)).isEqualTo(3);
    assertThat(service.find(loan, BureauReportKind.CORRECTION, asOf)).hasValueSatisfying(record -> {
      assertThat(record.id()).isEqualTo(first);
      assertThat(record.note()).isEqualTo("first");
      assertThat(record.exportStatus()).isEqualTo(BureauReportRecord.ExportStatus.PENDING);
      assertThat(record.exportedAt()).isNull();
      assertThat(record.createdAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    });
  }

  @Test
  void balanceAndAmountPastDueAreTheLedgersAtScaleTwo() {
    String loanNumber = BureauTestLoans.loan(disbursements);
    LocalDate closed = LocalDate.of(2027, 4, 5); // two instalments unpaid
    dailyClose.closeDay(loanNumber, closed);
    BureauTestLoans.today(closed.plusDays(1));
    Loan loan = ledger.loan(loanNumber).orElseThrow().loan();
    List<Instalment> schedule = ledger.loan(loanNumber).orElseThrow().schedule();
    List<Instalment> due = schedule.stream().filter(line -> line.getDueDate().isBefore(closed)).toList();
    assertThat(due).hasSize(2);
    assertThat(loan.getDaysPastDue()).isGreaterThanOrEqualTo(30).isLessThan(60);

    service.report(loanNumber, BureauReportKind.DPD_30, closed, null);

    BureauReportRecord record = service.find(loanNumber, BureauReportKind.DPD_30, closed).orElseThrow();
    // everything billed and the penalty: the principal has not been touched
    assertThat(record.currentBalance()).isEqualTo(new BigDecimal("1200.00").add(loan.getOutstandingInterest())
        .add(loan.getOutstandingPenalty()));
    assertThat(record.currentBalance().scale()).isEqualTo(2);
    // both overdue instalments in full, and the whole penalty (it runs on overdue lines only)
    BigDecimal expectedPastDue = due.get(0).getTotalDue().add(due.get(1).getTotalDue())
        .add(loan.getOutstandingPenalty());
    assertThat(record.amountPastDue()).isEqualTo(expectedPastDue.setScale(2));
    assertThat(record.amountPastDue()).isPositive();
    assertThat(record.daysPastDue()).isEqualTo(loan.getDaysPastDue());
    assertThat(record.customerId()).isEqualTo(loan.getCustomerId());
    assertThat(record.currency()).isEqualTo("CNY");
    assertThat(record.accountStatus()).isEqualTo("71");
    assertThat(record.paymentRating()).isEqualTo("1");

    // instalments the ledger has not closed past yet are not past due, even as of a later date
    LocalDate later = LocalDate.of(2027, 12, 31);
    service.report(loanNumber, BureauReportKind.CORRECTION, later, null);
    BureauReportRecord correction = service.find(loanNumber, BureauReportKind.CORRECTION, later).orElseThrow();
    assertThat(correction.amountPastDue()).isEqualTo(record.amountPastDue());
    assertThat(correction.amountPastDue()).isLessThanOrEqualTo(correction.currentBalance());
    assertThat(correction.accountStatus()).isEqualTo("71"); // 30-59 days past due, as the ledger has it

    // as of a date before the first due date nothing is past due
    service.report(loanNumber, BureauReportKind.CORRECTION, DISBURSED, null);
    assertThat(service.find(loanNumber, BureauReportKind.CORRECTION, DISBURSED).orElseThrow().amountPastDue())
        .isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void everyKindIsStoredWithItsStatusCodeAndRating() {
    String loanNumber = BureauTestLoans.loan(disbursements);
    LocalDate asOf = LocalDate.of(2027, 2, 2);
    for (BureauReportKind kind : BureauReportKind.values()) {
      service.report(loanNumber, kind, asOf, null);
    }
    assertThat(BureauReportKind.values()).allSatisfy(kind -> {
      BureauReportRecord record = service.find(loanNumber, kind, asOf).orElseThrow();
      String expected = switch (kind) {
        case DPD_30 -> "71/1";
        case DPD_60 -> "78/2";
        case DPD_90 -> "80/3";
        case CURED -> "11/0";
        case SETTLED -> "13/0";
        case CHARGED_OFF -> "97/L";
        case CORRECTION -> "11/0"; // the loan is current
      };
      assertThat(record.accountStatus() + "/" + record.paymentRating()).as(kind.name()).isEqualTo(expected);
    });
  }

  @Test
  void unknownLoansAndOverlongNotesAreRefusedAndStoreNothing() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report", Long.class);
    assertThatThrownBy(() -> service.report("LN0000000000ZZ", BureauReportKind.DPD_30, DISBURSED, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LN0000000000ZZ");
    String loan = BureauTestLoans.loan(disbursements);
    assertThatThrownBy(() -> service.report(loan, BureauReportKind.DPD_30, DISBURSED, "x".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report", Long.class)).isEqualTo(before);
  }

  @Test
  void aNewRecordIsCountedByKindAfterCommitAndARepeatIsNot() {
    String loan = BureauTestLoans.loan(disbursements);
    Counter counter = meters.find(BureauReportingService.METRIC).tag("kind", "DPD_60").counter();
    assertThat(counter).isNotNull();
    double before = counter.count();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    tx.executeWithoutResult(status -> {
      service.report(loan, BureauReportKind.DPD_60, DISBURSED, null);
      assertThat(counter.count()).as("not before the commit").isEqualTo(before);
    });
    service.report(loan, BureauReportKind.DPD_60, DISBURSED, null);
    tx.executeWithoutResult(status -> {
      service.report(loan, BureauReportKind.DPD_60, DISBURSED.plusDays(1), null);
      status.setRollbackOnly();
    });

    assertThat(counter.count()).isEqualTo(before + 1);
    assertThat(rows(loan)).isEqualTo(1);
  }

  @Test
  void twoTransactionsRecordingTheSameNewFactStoreItOnceAndBothSucceed() throws Exception {
    String loan = BureauTestLoans.loan(disbursements);
    LocalDate asOf = LocalDate.of(2027, 2, 3);
    // both callers have looked and found nothing before either inserts
    CyclicBarrier bothLooked = new CyclicBarrier(2);
    BureauReportingService racing = new BureauReportingService(store, ledger, clock, properties,
        new SimpleMeterRegistry(), () -> await(bothLooked));
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ids.add(threads.submit(() -> tx.execute(status -> {
          String id = racing.report(loan, BureauReportKind.DPD_90, asOf, "race");
          // the caller's transaction goes on after a lost race: it can still write
          jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE loan_number = ?", Long.class, loan);
          return id;
        })));
      }
      String first = ids.get(0).get(60, TimeUnit.SECONDS);
      String second = ids.get(1).get(60, TimeUnit.SECONDS);

      assertThat(second).isEqualTo(first);
      assertThat(rows(loan)).isEqualTo(1);
      assertThat(service.find(loan, BureauReportKind.DPD_90, asOf).orElseThrow().id()).isEqualTo(first);
    } finally {
      threads.shutdownNow();
    }
  }

  private long rows(String loan) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE loan_number = ?", Long.class, loan);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other caller never arrived", e);
    }
  }
}
