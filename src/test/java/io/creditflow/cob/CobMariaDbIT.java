package io.creditflow.cob;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.cob.FakeDailyClose.Outcome;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DailyClose.DueInstalment;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The close of business on MySQL/MariaDB (profile {@code mysql}, the fake ledger added as a source): V6 applied, and
 * a run with a poisoned loan, a collection, a reminder and a settlement notice commits chunk by chunk, with the
 * per-loan transactions nested in the engine's job transactions.
 */
@ExtendWith(RequiresTestDatabase.class)
class CobMariaDbIT {

  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    System.setProperty("spring.main.sources", CobTest.FakeLedger.class.getName());
    try {
      context = MariaDbApplication.start();
    } finally {
      System.clearProperty("spring.main.sources");
    }
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
  void aRunCommitsChunkByChunkOnMariaDb() {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    FakeDailyClose ledger = context.getBean(FakeDailyClose.class);
    CobFixture fixture = new CobFixture(engine, jdbc, ledger, context.getBean(DisbursementService.class),
        context.getBean(NotificationService.class));
    fixture.cleanSlate("2027-02-10T02:00:00Z");
    LocalDate d = LocalDate.parse("2027-02-09");
    String p = CobFixture.prefix();
    String settled = fixture.bookedLoan();
    String pastDue = fixture.bookedLoan(); // in the ledger, so its case's first plan can read it
    for (String loan : List.of(settled, p + "01", pastDue, p + "03")) {
      ledger.addLoan(loan, d.minusDays(1));
    }
    ledger.script(settled, d, Outcome.settledToday());
    ledger.script(pastDue, d, Outcome.pastDue(1, false)); // collection-grace-days 0: collection from 1 day past due
    ledger.poison(p + "03");
    ledger.dueInstalment(new DueInstalment(p + "01", "CUST-01", 2, d.plusDays(3), new BigDecimal("10.00"), "CNY"));

    CobRun run = context.getBean(CobRunService.class).start(d, "risk");
    fixture.runJobs(run.getProcessInstanceId());

    assertThat(jdbc.queryForObject("SELECT status FROM cf_cob_run WHERE id = ?", String.class, run.getId()))
        .isEqualTo("COMPLETED");
    assertThat(jdbc.queryForList("SELECT step, processed, failed, skipped FROM cf_cob_step WHERE run_id = ? "
        + "ORDER BY step_order", run.getId())).extracting(row -> row.get("step") + ":" + row.get("processed") + "/"
        + row.get("failed") + "/" + row.get("skipped")).satisfiesExactly(
        step -> assertThat(step).isEqualTo("CLOSE_LOANS:3/1/0"),
        step -> assertThat(step).isEqualTo("SEND_PRE_DUE_REMINDERS:1/0/0"),
        step -> assertThat(step).isEqualTo("START_COLLECTIONS:1/0/0"),
        step -> assertThat(step).isEqualTo("SEND_SETTLEMENT_NOTICES:1/0/0"),
        step -> assertThat(step).startsWith("REVIEW_CREDIT_LINES:0/0/"), // no line due: all skipped
        step -> assertThat(step).isEqualTo("RAISE_EARLY_WARNINGS:0/0/0"));
    assertThat(jdbc.queryForObject("SELECT loan_number FROM cf_cob_loan_error WHERE run_id = ?", String.class,
        run.getId())).isEqualTo(p + "03");
    // started through the close's start message: the case's first plan ran in the close's group transaction
    String collection = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.COLLECTION).processInstanceBusinessKey(pastDue).singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(collection).list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains("StartEvent_PastDueAtCob", "Task_GatherFacts", "Task_OpenCase", "Task_PlanNextStep")
        .doesNotContain("StartEvent_PastDue");
    assertThat(fixture.notices(CobNotices.LOAN_SETTLED, settled)).hasSize(1);
    assertThat(fixture.notices("PAYMENT_REMINDER", p + "01")).hasSize(1);
  }
}
