package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
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
 * The ledger on MySQL/MariaDB (profile {@code mysql}): V3 applied by Flyway, a disbursement round-trips to the cent
 * and the second, and racing bookings are stopped by the database's unique keys.
 */
@ExtendWith(RequiresTestDatabase.class)
class LedgerMariaDbIT {

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
  void theMigrationCreatedTheLedgerTablesAndTheirIndexes() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '3' AND success = 1", Long.class))
        .isEqualTo(1L);
    List<String> indexes = jdbc.queryForList("SELECT DISTINCT LOWER(index_name) FROM information_schema.statistics"
        + " WHERE table_schema = DATABASE() AND LOWER(table_name) LIKE 'cf\\_%'", String.class);
    assertThat(indexes).contains("uq_cf_credit_line_application", "ix_cf_credit_line_customer",
        "ix_cf_credit_line_status", "uq_cf_loan_application", "ix_cf_loan_customer", "ix_cf_loan_status_dpd",
        "uq_cf_instalment_sequence", "ix_cf_instalment_due", "uq_cf_disbursement_key", "ix_cf_disbursement_loan");
  }

  @Test
  void aDisbursementRoundTripsToTheCentAndTheSecond() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-30T20:00:30.789Z")));
    DisbursementRequest request = request();

    DisbursementResult result = context.getBean(DisbursementService.class).disburse(request);

    assertThat(result.firstDueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(result.firstInstalment()).isEqualTo(new BigDecimal("2243.17"));
    LoanQueries queries = context.getBean(LoanQueries.class);
    LoanQueries.LoanWithSchedule booked = queries.loan(result.loanNumber()).orElseThrow();
    assertThat(booked.loan().getAnnualRate()).isEqualTo(new BigDecimal("0.072000"));
    assertThat(booked.loan().getOutstandingPrincipal()).isEqualTo(new BigDecimal("50000.00"));
    assertThat(booked.loan().getDisbursedOn()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(booked.loan().getMaturityDate()).isEqualTo(LocalDate.of(2029, 1, 31));
    assertThat(booked.loan().getCreatedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));
    assertThat(booked.schedule()).hasSize(24);
    assertThat(booked.schedule().get(23).getTotalDue()).isEqualTo(new BigDecimal("2243.02"));
    assertThat(queries.creditLineOfApplication(request.applicationId())).hasValueSatisfying(line -> {
      assertThat(line.creditLine().getAvailableAmount()).isEqualTo(new BigDecimal("30000.00"));
      assertThat(line.creditLine().getOpenedAt()).isEqualTo(Instant.parse("2027-01-30T20:00:30Z"));
      assertThat(line.limitChanges()).singleElement()
          .satisfies(change -> assertThat(change.getPreviousLimit()).isNull());
    });

    DisbursementResult again = context.getBean(DisbursementService.class).disburse(request);
    assertThat(again.alreadyDisbursed()).isTrue();
    assertThat(again.loanNumber()).isEqualTo(result.loanNumber());
  }

  /** Both callers pass the duplicate check; InnoDB makes the second wait on the unique key, then refuses it. */
  @Test
  void racingBookingsOfOneApplicationBookOneLoan() throws Exception {
    DisbursementRequest request = request();
    CountDownLatch bothChecked = new CountDownLatch(2);
    DisbursementService held = new DisbursementService(context.getBean(CreditLineRepository.class),
        context.getBean(CreditLimitChangeRepository.class), context.getBean(LoanRepository.class),
        context.getBean(InstalmentRepository.class), context.getBean(DisbursementRepository.class),
        context.getBean(AuditTrail.class), context.getBean(PlatformTransactionManager.class),
        context.getBean(Clock.class), new LoanNumbers()::next, () -> {
          bothChecked.countDown();
          try {
            bothChecked.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<DisbursementResult> results = new ArrayList<>();
    try {
      List<Future<DisbursementResult>> futures = List.of(
          pool.submit(() -> held.disburse(request)), pool.submit(() -> held.disburse(request)));
      for (Future<DisbursementResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).extracting(DisbursementResult::loanNumber).containsOnly(results.get(0).loanNumber());
    assertThat(results).extracting(DisbursementResult::alreadyDisbursed).containsExactlyInAnyOrder(false, true);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_loan WHERE application_id = ?", Long.class,
        request.applicationId())).isEqualTo(1L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_credit_line WHERE application_id = ?", Long.class,
        request.applicationId())).isEqualTo(1L);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_disbursement WHERE idempotency_key = ?", Long.class,
        request.applicationId())).isEqualTo(1L);
  }

  private static DisbursementRequest request() {
    return new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(), "CNY",
        new BigDecimal("80000.00"), new BigDecimal("50000.00"), 24, new BigDecimal("0.0720"), 0, "B");
  }
}
