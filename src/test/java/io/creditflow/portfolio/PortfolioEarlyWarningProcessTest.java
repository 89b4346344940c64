package io.creditflow.portfolio;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.common.web.ConflictException;
import io.creditflow.servicing.DisbursementService;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code portfolioEarlyWarning}: within the lines, a breach reviewed, a date already done, timer off. */
@PortfolioTest
class PortfolioEarlyWarningProcessTest {

  static final LocalDate TODAY = LocalDate.of(2027, 5, 10);

  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;
  @Autowired PortfolioStartService starter;
  @Autowired PortfolioSnapshotService snapshots;

  PortfolioFixture fixture;

  @BeforeEach
  void anEmptyBook() {
    BpmnAwareTests.init(engine);
    fixture = new PortfolioFixture(engine, disbursements, jdbc);
    today(TODAY.minusMonths(1));
    fixture.cleanSlate();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private ProcessInstance started() {
    today(TODAY);
    PortfolioStartService.Started started = starter.start("risk");
    assertThat(started.snapshotDate()).isEqualTo(TODAY);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(TODAY.toString());
    fixture.runJobs(instance.getId());
    return instance;
  }

  @Test
  void aBookWithinTheLinesEndsWithoutATask() {
    fixture.loan("A", "WEB", null, "10000.00");
    fixture.loan("B", "MOBILE_APP", null, "5000.00");

    ProcessInstance instance = started();

    assertThat(instance).hasPassed("Task_ComputeSnapshot", "Task_EvaluateWarningLines", "EndEvent_NoBreach")
        .hasNotPassed("Task_ReviewPortfolioWarning").isEnded();
    Snapshot snapshot = snapshots.findByDate(TODAY).orElseThrow();
    assertThat(snapshot.warningLevel()).isEqualTo("NONE");
    assertThat(snapshot.breachCount()).isZero();
    assertThat(snapshot.triggeredBy()).isEqualTo("risk");
    assertThat(snapshot.processInstanceId()).isEqualTo(instance.getId());
  }

  @Test
  void aBreachGoesToRiskManagersAndTheirActionIsRecorded() {
    fixture.loan("A", "WEB", null, "10000.00");
    fixture.loan("A", "WEB", null, "8000.00");
    String late = fixture.loan("C", "PARTNER", null, "2000.00");
    fixture.dpd(late, 40);  // 2,000 of 20,000 overdue (10 %), 1 of 3 loans

    ProcessInstance instance = started();

    assertThat(instance).isWaitingAt("Task_ReviewPortfolioWarning");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task).hasCandidateGroup("risk-managers");
    assertThat(instance).variables().containsEntry(PortfolioEarlyWarning.WARNING_LEVEL, "ALERT")
        .containsEntry(PortfolioEarlyWarning.BREACH_COUNT, 2)
        .containsEntry(PortfolioEarlyWarning.RECOMMENDED_ACTIONS, "TIGHTEN_LIMITS");
    String summary = (String) engine.getRuntimeService().getVariable(instance.getId(),
        PortfolioEarlyWarning.BREACH_SUMMARY);
    assertThat(summary).contains("ALERT OVERDUE_RATIO_BALANCE TOTAL/ALL 10.0000 % -> TIGHTEN_LIMITS")
        .contains("ALERT OVERDUE_RATIO_COUNT TOTAL/ALL 33.3333 % -> TIGHTEN_LIMITS");

    engine.getTaskService().setAssignee(task.getId(), "risk");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(PortfolioEarlyWarning.ACTION, "PANIC", PortfolioEarlyWarning.COMMENT, "x")))
        .hasMessageContaining("portfolioAction");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(PortfolioEarlyWarning.ACTION, "TIGHTEN_LIMITS")))
        .hasMessageContaining("portfolioComment");
    engine.getTaskService().complete(task.getId(), Map.of(PortfolioEarlyWarning.ACTION, "TIGHTEN_LIMITS",
        PortfolioEarlyWarning.COMMENT, "Grade C partner loans: limits down 20 %"));

    assertThat(instance).hasPassed("Task_RecordWarningAction", "EndEvent_ActionRecorded").isEnded();
    Snapshot snapshot = snapshots.findByDate(TODAY).orElseThrow();
    assertThat(snapshot.reviewAction()).isEqualTo("TIGHTEN_LIMITS");
    assertThat(snapshot.reviewComment()).isEqualTo("Grade C partner loans: limits down 20 %");
    assertThat(snapshot.reviewedBy()).isEqualTo("risk");
    assertThat(snapshot.reviewedAt()).isNotNull();
    assertThat(snapshots.get(snapshot.id()).breaches()).extracting(Breach::line)
        .containsExactlyInAnyOrder("OVERDUE_RATIO_BALANCE", "OVERDUE_RATIO_COUNT");
  }

  @Test
  void aDateWithASnapshotIsNotStartedAgainAndADailyRunEndsAtOnce() {
    fixture.loan("A", "WEB", null, "10000.00");
    started();
    assertThatThrownBy(() -> starter.start("risk")).isInstanceOf(ConflictException.class);

    // the daily timer (switched off in tests: creditflow.portfolio.daily-enabled=false) starts an instance that ends
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey(PortfolioEarlyWarning.PROCESS_KEY).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance daily = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PortfolioEarlyWarning.PROCESS_KEY).active().singleResult();
    fixture.runJobs(daily.getId());

    assertThat(daily).hasPassed("Task_ComputeSnapshot", "EndEvent_NothingToDo")
        .hasNotPassed("Task_EvaluateWarningLines").isEnded();
    assertThat(snapshots.count()).isEqualTo(1);
  }
}
