package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bureau report records on MySQL/MariaDB (profile {@code mysql}): V13 applied by Flyway, InnoDB's unique key keeps
 * one record per loan, kind and date (also for two racing transactions, which both succeed), the range query in
 * order, amounts to the cent, and the export.
 */
@ExtendWith(RequiresTestDatabase.class)
class BureauReportMariaDbIT {

  private static final LocalDate BOOKED = LocalDate.of(2027, 1, 31);
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

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(context.getBean(DataSource.class));
  }

  @Test
  void theMigrationAddedTheTablesWithTheirKeys() {
    JdbcTemplate jdbc = jdbc();
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '13' AND success = 1", Long.class))
        .isEqualTo(1L);
    List<String> indexes = jdbc.queryForList("SELECT DISTINCT LOWER(index_name) FROM information_schema.statistics"
        + " WHERE table_schema = DATABASE() AND LOWER(table_name) LIKE 'cf\\_bureau\\_report%'", String.class);
    assertThat(indexes).contains("uq_cf_bureau_report_fact", "ix_cf_bureau_report_as_of",
        "uq_cf_bureau_report_export_reference");
  }

  @Test
  void theUniqueKeyStopsADuplicateAndTheRangeComesBackInOrderToTheCent() {
    BureauTestLoans.today(BOOKED);
    DisbursementService disbursements = context.getBean(DisbursementService.class);
    List<String> loans = new ArrayList<>(List.of(BureauTestLoans.loan(disbursements),
        BureauTestLoans.loan(disbursements)));
    loans.sort(null);
    BureauReportingService service = context.getBean(BureauReportingService.class);
    LocalDate day = LocalDate.of(2033, 6, 1);
    String first = service.report(loans.get(1), BureauReportKind.DPD_60, day, "note, with comma");
    service.report(loans.get(0), BureauReportKind.DPD_60, day.plusDays(1), null);
    service.report(loans.get(0), BureauReportKind.DPD_30, day, null);

    assertThat(service.report(loans.get(1), BureauReportKind.DPD_60, day, "again")).isEqualTo(first);
    BureauReportStore store = context.getBean(BureauReportStore.class);
    BureauReportRecord stored = store.find(loans.get(1), BureauReportKind.DPD_60, day).orElseThrow();
    assertThatThrownBy(() -> store.insert(new BureauReportRecord(UUID.randomUUID().toString(), stored.loanNumber(),
        stored.customerId(), stored.kind(), "78", "2", day, 0, "CNY", BigDecimal.ZERO, BigDecimal.ZERO, null,
        stored.createdAt(), BureauReportRecord.ExportStatus.PENDING, null, null)))
        .isInstanceOf(DuplicateKeyException.class);

    List<BureauReportRecord> listed = service.list(day, day.plusDays(1));
    assertThat(listed).extracting(r -> r.asOf() + " " + r.loanNumber() + " " + r.kind()).containsExactly(
        day + " " + loans.get(0) + " DPD_30",
        day + " " + loans.get(1) + " DPD_60",
        day.plusDays(1) + " " + loans.get(0) + " DPD_60");
    BureauReportRecord record = listed.get(1);
    assertThat(record.id()).isEqualTo(first);
    assertThat(record.currentBalance()).isEqualTo(new BigDecimal("1200.00"));
    assertThat(record.amountPastDue()).isEqualTo(new BigDecimal("0.00"));
    assertThat(record.note()).isEqualTo("note, with comma");
    assertThat(record.createdAt()).isEqualTo(context.getBean(Clock.class).instant()
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    BureauReportingService.ExportResult export = service.export("EXP-" + UUID.randomUUID(), day, day, "it");
    assertThat(export.recordCount()).isEqualTo(2);
    assertThat(service.list(day, day.plusDays(1))).extracting(r -> r.exportStatus().name())
        .containsExactly("EXPORTED", "EXPORTED", "PENDING");
    assertThat(service.list(day, day).get(0).exportedAt()).isEqualTo(export.exportedAt());
  }

  @Test
  void twoTransactionsRacingForTheSameFactStoreOneAndBothSucceed() throws Exception {
    BureauTestLoans.today(BOOKED);
    String loan = BureauTestLoans.loan(context.getBean(DisbursementService.class));
    LocalDate day = LocalDate.of(2033, 7, 1);
    CyclicBarrier bothLooked = new CyclicBarrier(2);
    BureauReportingService racing = new BureauReportingService(context.getBean(BureauReportStore.class),
        context.getBean(LoanQueries.class), context.getBean(Clock.class),
        context.getBean(BureauReportingProperties.class), new SimpleMeterRegistry(), () -> {
          try {
            bothLooked.await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ids.add(threads.submit(() -> tx.execute(status -> racing.report(loan, BureauReportKind.DPD_90, day, null))));
      }
      assertThat(ids.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(ids.get(0).get(60, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
    assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE loan_number = ?", Long.class,
        loan)).isEqualTo(1L);
  }
}
