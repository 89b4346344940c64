package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Payments and the close of business on MySQL/MariaDB (profile {@code mysql}): V5 applied by Flyway, a payment and a
 * close round-trip to the cent, and racing identical payments are stopped by InnoDB's unique key.
 */
@ExtendWith(RequiresTestDatabase.class)
class PaymentMariaDbIT {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    context = MariaDbApplication.start();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theMigrationAddedThePaymentTablesColumnsAndIndexes() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '5' AND success = 1", Long.class))
        .isEqualTo(1L);
    List<String> indexes = jdbc.queryForList("SELECT DISTINCT LOWER(index_name) FROM information_schema.statistics"
        + " WHERE table_schema = DATABASE() AND LOWER(table_name) LIKE 'cf\\_%'", String.class);
    assertThat(indexes).contains("uq_cf_payment_reference", "ix_cf_payment_loan", "ix_cf_payment_correlation",
        "ix_cf_payment_allocation_payment", "ix_cf_payment_allocation_instalment", "ix_cf_instalment_due_loan");
    List<String> loanColumns = jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns"
        + " WHERE table_schema = DATABASE() AND LOWER(table_name) = 'cf_loan'", String.class);
    assertThat(loanColumns).contains("last_closed_on", "penalty_accrued");
  }

  @Test
  void aCloseAndAPaymentRoundTripToTheCent() {
    Ledger.today(DISBURSED);
    String loanNumber = Ledger.loan(context.getBean(DisbursementService.class), "1200.00", "0.12", 12);
    DailyClose close = context.getBean(DailyClose.class);
    assertThat(close.closeDay(loanNumber, LocalDate.of(2027, 3, 1)).status()).isEqualTo(LoanStatus.DELINQUENT);
    Ledger.today(LocalDate.of(2027, 3, 2));

    PaymentView view = context.getBean(PaymentService.class).post(loanNumber, new PaymentCommand(
        "PAY-" + UUID.randomUUID(), new BigDecimal("606.72"), LocalDate.of(2027, 3, 2), PaymentChannel.BRANCH))
        .payment();

    assertThat(view.penaltyPaid()).isEqualTo(new BigDecimal("0.10"));
    assertThat(view.interestPaid()).isEqualTo(new BigDecimal("12.00"));
    assertThat(view.principalPaid()).isEqualTo(new BigDecimal("94.62"));
    assertThat(view.prepaidPrincipal()).isEqualTo(new BigDecimal("500.00"));
    assertThat(view.loanStatusAfter()).isEqualTo(LoanStatus.ACTIVE);
    LoanQueries.LoanWithSchedule loan = context.getBean(LoanQueries.class).loan(loanNumber).orElseThrow();
    assertThat(loan.loan().getScheduleVersion()).isEqualTo(2);
    assertThat(loan.loan().getOutstandingPrincipal()).isEqualTo(new BigDecimal("605.38"));
    assertThat(loan.loan().getLastClosedOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(context.getBean(LoanQueries.class).payments(loanNumber)).singleElement()
        .satisfies(p -> assertThat(p).isEqualTo(view));
  }

  /** Both callers pass the duplicate check; InnoDB makes the second wait on the unique key, then refuses it. */
  @Test
  void racingIdenticalPaymentsStoreOne() throws Exception {
    Ledger.today(DISBURSED);
    String loanNumber = Ledger.loan(context.getBean(DisbursementService.class), "1200.00", "0.12", 12);
    PaymentCommand command = new PaymentCommand("PAY-" + UUID.randomUUID(), new BigDecimal("100.00"), DISBURSED,
        PaymentChannel.PAYMENT_GATEWAY);
    CountDownLatch bothChecked = new CountDownLatch(2);
    PaymentService held = new PaymentService(context.getBean(LoanRepository.class),
        context.getBean(InstalmentRepository.class), context.getBean(CreditLineRepository.class),
        context.getBean(PaymentRepository.class), context.getBean(PaymentAllocationRepository.class),
        context.getBean(AuditTrail.class), context.getBean(PaymentCorrelator.class),
        context.getBean(ServicingProperties.class), context.getBean(Clock.class),
        context.getBean(PlatformTransactionManager.class), context, () -> {
          bothChecked.countDown();
          try {
            bothChecked.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<PaymentResult> results = new ArrayList<>();
    try {
      List<Future<PaymentResult>> futures = List.of(pool.submit(() -> held.post(loanNumber, command)),
          pool.submit(() -> held.post(loanNumber, command)));
      for (Future<PaymentResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).extracting(PaymentResult::created).containsExactlyInAnyOrder(true, false);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_payment WHERE payment_reference = ?", Long.class,
        command.paymentReference())).isEqualTo(1L);
    assertThat(jdbc.queryForObject("SELECT outstanding_principal FROM cf_loan WHERE loan_number = ?",
        BigDecimal.class, loanNumber)).isEqualByComparingTo("1100.00");
  }
}
