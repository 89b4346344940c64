package io.creditflow.bench;

import static io.creditflow.bench.DueDateWaveBenchmark.count;
import static io.creditflow.bench.DueDateWaveBenchmark.moveClock;
import static io.creditflow.bench.OriginationDriver.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.cob.CobRun;
import io.creditflow.cob.CobRunService;
import io.creditflow.demo.PortfolioSeeder;
import io.creditflow.demo.SeedPlan;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 4 of issue 9, storage. A book of {@code -Dbench.storage.loans} (2,000) active loans seeded as by the wave
 * (12 monthly instalments, 5 % unpaid), then what a month brings each loan: the close of its due date (the unpaid
 * ones go to collection), a quiet close (nothing due), and a payment. Measured from the database's own statistics:
 * MariaDB {@code information_schema.tables} data_length + index_length after {@code ANALYZE TABLE}; H2
 * {@code DISK_SPACE_USED(table)} (rows without indexes) per table, and the file's growth for the total.
 *
 * <p>Reports bytes per active loan in our tables ({@code cf_*}) and in Camunda's runtime tables ({@code ACT_RU_*}),
 * checks exactly that a loan in good standing has no runtime row, and estimates history ({@code ACT_HI_*}, history
 * level FULL, time-to-live: close of business 90 days, collection 365 days) per loan-month = 29 quiet closes + the
 * due-date close + one payment.
 */
@Tag("benchmark")
class StorageBenchmark {

  static final String SCENARIO = "storage";
  private static final LocalDate DUE = DueDateWaveBenchmark.DUE;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void bytesPerLoan() {
    int n = Integer.parseInt(System.getProperty("bench.storage.loans", "2000"));
    for (BenchmarkDatabase db : BenchmarkDatabase.selected()) {
      try (ConfigurableApplicationContext context = BenchApplication.fresh(db, "storage")) {
        measure(db, context, n);
      }
    }
  }

  private void measure(BenchmarkDatabase db, ConfigurableApplicationContext context, int n) {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    ZoneId zone = context.getBean(Clock.class).getZone();
    moveClock(DUE, LocalTime.of(20, 0), zone);
    Sizes empty = sizes(db, jdbc, "storage");
    PortfolioSeeder.Result seeded = context.getBean(PortfolioSeeder.class).seed(SeedPlan.wave(n, DUE, 0.05));
    Sizes book = sizes(db, jdbc, "storage");

    moveClock(DUE.plusDays(1), BenchApplication.CLOSE_STARTS, zone);
    closeAndWait(context, jdbc, engine, DUE, seeded.unpaid());
    Sizes afterDueClose = sizes(db, jdbc, "storage");
    moveClock(DUE.plusDays(2), BenchApplication.CLOSE_STARTS, zone);
    closeAndWait(context, jdbc, engine, DUE.plusDays(1), seeded.unpaid());
    Sizes afterQuietClose = sizes(db, jdbc, "storage");

    // the next month's instalment, paid on its due date by every loan in good standing
    LocalDate nextDue = DUE.plusMonths(1);
    moveClock(nextDue, LocalTime.of(10, 0), zone);
    PaymentService payments = context.getBean(PaymentService.class);
    List<Map<String, Object>> lines = jdbc.queryForList("SELECT i.loan_number, i.total_due FROM cf_instalment i"
        + " JOIN cf_loan l ON l.loan_number = i.loan_number WHERE l.status = 'ACTIVE' AND i.sequence_number = 2");
    for (Map<String, Object> line : lines) {
      payments.post((String) line.get("loan_number"), new PaymentCommand("MONTH-" + line.get("loan_number"),
          (BigDecimal) line.get("total_due"), nextDue, PaymentChannel.DIRECT_DEBIT));
    }
    Sizes afterPayments = sizes(db, jdbc, "storage");

    // a loan in good standing costs no Camunda runtime rows: exactly none refers to it
    long goodStanding = count(jdbc, "SELECT COUNT(*) FROM cf_loan WHERE status = 'ACTIVE' AND days_past_due = 0");
    long runtimeRowsOfGoodLoans = count(jdbc, "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN cf_loan l"
        + " ON e.BUSINESS_KEY_ = l.loan_number WHERE l.status = 'ACTIVE' AND l.days_past_due = 0")
        + count(jdbc, "SELECT COUNT(*) FROM ACT_RU_VARIABLE v JOIN cf_loan l ON v.TEXT_ = l.loan_number"
        + " WHERE l.status = 'ACTIVE' AND l.days_past_due = 0");
    long runtimeRowsAfterSeeding = book.runtimeRows - empty.runtimeRows;

    double ours = (book.ours - empty.ours) / (double) n;
    double runtimePerActive = afterPayments.runtime / (double) n;
    double runtimePerCollection = (afterQuietClose.runtime - book.runtime) / (double) Math.max(1, seeded.unpaid());
    double historyDueClose = (afterDueClose.history - book.history) / (double) n;
    double historyQuietClose = (afterQuietClose.history - afterDueClose.history) / (double) n;
    double historyPayment = (afterPayments.history - afterQuietClose.history) / (double) Math.max(1, lines.size());
    double historyMonth = 29 * historyQuietClose + historyDueClose + historyPayment;
    double oursPayment = (afterPayments.ours - afterQuietClose.ours) / (double) Math.max(1, lines.size());

    BenchmarkReport.Builder m = BenchmarkReport.measurement(SCENARIO, db.name())
        .parameter("loans", n).parameter("termMonths", 12).parameter("historyLevel", "full")
        .metric("ourTablesPerLoan", ours, "bytes/loan")
        .metric("ourTablesPerPayment", oursPayment, "bytes/payment")
        .metric("camundaRuntimePerActiveLoan", runtimePerActive, "bytes/loan")
        .metric("camundaRuntimePerCollection", runtimePerCollection, "bytes/case")
        .metric("runtimeRowsOfLoansInGoodStanding", runtimeRowsOfGoodLoans, "rows")
        .metric("runtimeRowsAddedBySeeding", runtimeRowsAfterSeeding, "rows")
        .metric("historyDueDateClose", historyDueClose, "bytes/loan")
        .metric("historyQuietClose", historyQuietClose, "bytes/loan")
        .metric("historyPerPayment", historyPayment, "bytes/payment")
        .metric("historyPerLoanMonth", historyMonth, "bytes/loan-month")
        .target("a loan in good standing costs no Camunda runtime rows (" + goodStanding + " loans; rows found)",
            runtimeRowsOfGoodLoans + runtimeRowsAfterSeeding, runtimeRowsOfGoodLoans == 0
                && runtimeRowsAfterSeeding == 0)
        .note(db.isMySql() ? "MariaDB: information_schema.tables data_length + index_length after ANALYZE TABLE"
            : "H2: DISK_SPACE_USED per table (rows, without indexes); file growth while seeding: "
                + String.format(Locale.ROOT, "%,.0f", (book.file - empty.file) / (double) n) + " bytes/loan")
        .note("history per loan-month = 29 quiet closes + the due-date close + one payment; history time-to-live:"
            + " close of business P90D, collection P365D; cleanup in the 01:00-05:00 window")
        .note("our tables per loan: " + perTable(book.table, empty.table, n));
    m.write();
    assertThat(runtimeRowsOfGoodLoans).isZero();
  }

  private static void closeAndWait(ConfigurableApplicationContext context, JdbcTemplate jdbc, ProcessEngine engine,
      LocalDate date, int collections) {
    BenchApplication.awaitNoCloseRunning(engine);
    CobRun run = context.getBean(CobRunService.class).start(date, "risk");
    while (true) {
      String status = jdbc.queryForObject("SELECT status FROM cf_cob_run WHERE id = ?", String.class, run.getId());
      assertThat(status).isNotEqualTo("FAILED");
      if ("COMPLETED".equals(status) && count(jdbc, "SELECT COUNT(*) FROM cf_collection_case") >= collections
          && BenchApplication.executableJobs(engine) == 0) {
        return;
      }
      sleep(200);
    }
  }

  /** Bytes per table group and row counts of the runtime tables. */
  private record Sizes(long ours, long runtime, long history, long runtimeRows, long file, Map<String, Long> table) {}

  private static Sizes sizes(BenchmarkDatabase db, JdbcTemplate jdbc, String h2Name) {
    Map<String, Long> bytes = new TreeMap<>();
    if (db.isMySql()) {
      List<String> tables = jdbc.queryForList(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
      for (String t : tables) {
        jdbc.queryForList("ANALYZE TABLE `" + t + "`");
      }
      jdbc.queryForList("SELECT table_name AS t, data_length + index_length AS b FROM information_schema.tables"
          + " WHERE table_schema = DATABASE()").forEach(row -> bytes.put(
              ((String) row.get("t")).toUpperCase(Locale.ROOT), ((Number) row.get("b")).longValue()));
    } else {
      jdbc.execute("CHECKPOINT SYNC");
      for (String t : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
          + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
        if (!t.toUpperCase(Locale.ROOT).startsWith("CF_") && !t.toUpperCase(Locale.ROOT).startsWith("ACT_")) {
          continue;
        }
        Long b = jdbc.queryForObject("SELECT DISK_SPACE_USED(?)", Long.class, "\"PUBLIC\".\"" + t + "\"");
        bytes.put(t.toUpperCase(Locale.ROOT), b == null ? 0 : b);
      }
    }
    long ours = sum(bytes, "CF_");
    long runtime = sum(bytes, "ACT_RU_");
    long history = sum(bytes, "ACT_HI_");
    long runtimeRows = 0;
    for (String t : List.of("ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_RU_TASK",
        "ACT_RU_EVENT_SUBSCR", "ACT_RU_IDENTITYLINK", "ACT_RU_INCIDENT", "ACT_RU_EXT_TASK")) {
      runtimeRows += count(jdbc, "SELECT COUNT(*) FROM " + t);
    }
    return new Sizes(ours, runtime, history, runtimeRows, db.isMySql() ? 0 : BenchApplication.h2FileBytes(h2Name),
        bytes);
  }

  private static long sum(Map<String, Long> bytes, String prefix) {
    return bytes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
  }

  private static String perTable(Map<String, Long> after, Map<String, Long> before, int n) {
    StringBuilder s = new StringBuilder();
    after.forEach((table, bytes) -> {
      long delta = bytes - before.getOrDefault(table, 0L);
      if (table.startsWith("CF_") && delta > 0) {
        s.append(s.isEmpty() ? "" : ", ").append(table.toLowerCase(Locale.ROOT)).append(' ')
            .append(String.format(Locale.ROOT, "%,.0f", delta / (double) n));
      }
    });
    return s.toString();
  }
}
