package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.cob.ChunkResult;
import io.creditflow.cob.ChunkStep;
import io.creditflow.cob.CobRun;
import io.creditflow.cob.CobRunService;
import io.creditflow.cob.CobRunStatus;
import io.creditflow.cob.CobStepName;
import io.creditflow.cob.CobTest;
import io.creditflow.cob.FakeDailyClose;
import io.creditflow.cob.FakeDailyClose.Outcome;
import io.creditflow.common.web.ConflictException;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DisbursementService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Close of business step 4 records a SETTLED bureau report for each loan step 1 settled, as of the business date,
 * once: also when the step's chunk is done again (a crash after the chunk committed), and the date itself cannot be
 * closed twice.
 */
@CobTest
class SettlementBureauReportTest {

  private static final LocalDate D = LocalDate.of(2027, 2, 9);

  @Autowired ProcessEngine engine;
  @Autowired CobRunService runs;
  @Autowired FakeDailyClose ledger;
  @Autowired DisbursementService disbursements;
  @Autowired BureauReportingService reporting;
  @Autowired List<ChunkStep> steps;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void cleanSlate() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-10T02:00:00Z"))); // 10:00 in Asia/Shanghai
    engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKeyIn(ProcessKeys.CLOSE_OF_BUSINESS, ProcessKeys.COLLECTION).list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up",
            true, true));
    jdbc.update("DELETE FROM cf_cob_follow_up");
    jdbc.update("DELETE FROM cf_cob_loan_error");
    jdbc.update("DELETE FROM cf_cob_step");
    jdbc.update("DELETE FROM cf_cob_run");
    ledger.reset();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aSettledLoanGetsExactlyOneSettledReportAsOfTheBusinessDate() {
    String settled = BureauTestLoans.loan(disbursements);
    String current = BureauTestLoans.loan(disbursements);
    ledger.addLoan(settled, D.minusDays(1));
    ledger.addLoan(current, D.minusDays(1));
    ledger.script(settled, D, Outcome.settledToday());

    CobRun run = runs.start(D, "risk");
    runJobs(run.getProcessInstanceId());

    assertThat(runs.get(run.getId(), 10).run().getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    BureauReportRecord record = reporting.find(settled, BureauReportKind.SETTLED, D).orElseThrow();
    assertThat(record.accountStatus()).isEqualTo("13");
    assertThat(record.paymentRating()).isEqualTo("0");
    assertThat(record.note()).isEqualTo("settled at the close of business");
    assertThat(settledReports(settled)).isEqualTo(1);
    assertThat(settledReports(current)).isZero();

    // the chunk of step 4 done again, as after a crash before its job committed: nothing recorded twice
    ChunkStep notices = steps.stream().filter(step -> step.name() == CobStepName.SEND_SETTLEMENT_NOTICES)
        .findFirst().orElseThrow();
    ChunkResult redone = notices.runChunk(runs.get(run.getId(), 1).run(), null, 10);
    assertThat(redone.processed()).isEqualTo(1);
    assertThat(redone.failed()).isZero();
    assertThat(settledReports(settled)).isEqualTo(1);
    assertThat(reporting.find(settled, BureauReportKind.SETTLED, D).orElseThrow().id()).isEqualTo(record.id());

    // and the date itself is not closed twice
    assertThatThrownBy(() -> runs.start(D, "risk")).isInstanceOf(ConflictException.class);
    assertThat(settledReports(settled)).isEqualTo(1);
  }

  private long settledReports(String loanNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE loan_number = ? AND kind = 'SETTLED'",
        Long.class, loanNumber);
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 1000; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("instance " + processInstanceId + " still has jobs after 1000 rounds");
  }
}
