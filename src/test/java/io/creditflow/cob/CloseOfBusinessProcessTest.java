package io.creditflow.cob;

import static io.creditflow.cob.CobFixture.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.cob.FakeDailyClose.Outcome;
import io.creditflow.collection.CollectionProcess;
import io.creditflow.common.web.ConflictException;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.notification.NotificationTypes;
import io.creditflow.servicing.DailyClose.DueInstalment;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code closeOfBusiness} on the real services and the fake ledger (chunks of 2 loans; jobs and the
 * daily timer driven by the test): a full run over a seeded book, idempotent re-runs, catch-up of missed days, a
 * poisoned loan, a failing step ending in an incident, and a resume after a crash mid-step.
 */
@CobTest
class CloseOfBusinessProcessTest {

  private static final String NOW = "2027-02-10T02:00:00Z"; // 10:00 in Asia/Shanghai
  private static final LocalDate D = date("2027-02-09");

  @Autowired ProcessEngine engine;
  @Autowired CobRunService runs;
  @Autowired CobRunRepository runRepository;
  @Autowired CobStepRepository stepRepository;
  @Autowired CobLoanErrorRepository loanErrors;
  @Autowired CobFollowUpRepository followUps;
  @Autowired FakeDailyClose ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired DisbursementService disbursements;
  @Autowired NotificationService notifications;
  @Autowired LoanRepository loans;

  private CobFixture fixture;
  private String p;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    fixture = new CobFixture(engine, jdbc, ledger, disbursements, notifications);
    fixture.cleanSlate(NOW);
    p = CobFixture.prefix();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aRunClosesTheBookSendsRemindersStartsCollectionsAndSettlementNotices() {
    String settled = fixture.bookedLoan();
    String customerOfSettled = loans.findById(settled).orElseThrow().getCustomerId();
    for (String loan : List.of(settled, p + "01", p + "02", p + "03", p + "04")) {
      ledger.addLoan(loan, D.minusDays(1));
    }
    ledger.script(settled, D, Outcome.settledToday());
    ledger.script(p + "02", D, Outcome.pastDue(4, false));  // crosses the 3 grace days today
    ledger.script(p + "03", D, Outcome.pastDue(1, true));   // newly past due, within grace
    ledger.script(p + "04", D, Outcome.pastDue(4, false));  // crosses, but already in collection
    ledger.dueInstalment(new DueInstalment(p + "01", "CUST-01", 3, D.plusDays(3), new BigDecimal("512.40"), "CNY"));
    ledger.dueInstalment(new DueInstalment(p + "03", "CUST-03", 2, D.plusDays(4), new BigDecimal("99.00"), "CNY"));
    ProcessInstance existing = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, p + "04",
        Map.of(CollectionProcess.LOAN_NUMBER, p + "04", CollectionProcess.DAYS_PAST_DUE, 40,
            CollectionProcess.BUSINESS_DATE, "2027-01-05"));

    CobRun started = runs.start(D, "risk");
    ProcessInstance process = fixture.instance(started.getProcessInstanceId());
    assertThat(process).isWaitingAt("Task_OpenBusinessDay");
    assertThat(process.getBusinessKey()).isEqualTo("2027-02-09");
    fixture.runJobs(process.getId());

    assertThat(process).hasPassed("StartEvent_Manual", "Task_OpenBusinessDay", "Task_CloseLoans",
        "Task_SendPreDueReminders", "Task_StartCollections", "Task_SendSettlementNotices",
        "Task_CompleteBusinessDay", "EndEvent_AllClosed").isEnded();
    CobRun run = runRepository.findById(started.getId()).orElseThrow();
    assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertThat(run.getFinishedAt()).isNotNull();
    assertThat(run.getTriggeredBy()).isEqualTo("risk");
    Map<CobStepName, CobStep> steps = steps(run);
    assertThat(steps.values()).allSatisfy(step -> assertThat(step.getStatus()).isEqualTo(CobStepStatus.COMPLETED));
    assertCounts(steps.get(CobStepName.CLOSE_LOANS), 5, 0, 0);
    assertThat(steps.get(CobStepName.CLOSE_LOANS).getChunks()).isEqualTo(3); // 2 + 2 + 1
    assertCounts(steps.get(CobStepName.SEND_PRE_DUE_REMINDERS), 1, 0, 0);
    assertCounts(steps.get(CobStepName.START_COLLECTIONS), 1, 0, 1);
    assertCounts(steps.get(CobStepName.SEND_SETTLEMENT_NOTICES), 1, 0, 0);

    // step 3: one new collection case, none within grace, none twice
    // the close is scripted (FakeDailyClose), so the loan is not in the ledger: the group's first plan failed on the
    // facts, the group was rolled back and the loan started again through the blank start, whose job would gather
    // the facts (with retries, then an incident)
    ProcessInstance collection = collection(p + "02");
    assertThat(collection).isWaitingAt("StartEvent_PastDue")
        .variables().containsEntry("loanNumber", p + "02").containsEntry("daysPastDue", 4)
        .containsEntry("businessDate", "2027-02-09");
    assertThat(collections(p + "03")).isZero();
    assertThat(collections(p + "04")).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(p + "04")
        .singleResult().getId()).isEqualTo(existing.getId());

    // step 2 and 4: outbox
    List<Notification> reminders = fixture.notices(NotificationTypes.PAYMENT_REMINDER, p + "01");
    assertThat(reminders).singleElement().satisfies(reminder -> {
      assertThat(reminder.getIdempotencyKey()).isEqualTo("PAYMENT_REMINDER:" + p + "01:3:2027-02-12");
      assertThat(reminder.getRecipientRef()).isEqualTo("CUST-01");
      assertThat(reminder.getParameters()).contains("\"amountDue\":\"512.40\"", "\"dueDate\":\"2027-02-12\"");
    });
    assertThat(fixture.notices(NotificationTypes.PAYMENT_REMINDER, p + "03")).isEmpty();
    assertThat(fixture.notices(CobNotices.LOAN_SETTLED, settled)).singleElement().satisfies(notice -> {
      assertThat(notice.getRecipientRef()).isEqualTo(customerOfSettled);
      assertThat(notice.getParameters()).contains("\"settledOn\":\"2027-02-09\"");
    });
    assertThat(loanErrors.findAll()).isEmpty();
  }

  @Test
  void aCompletedDateIsNotRunTwiceAndTheDailyTimerSkipsIt() {
    String settled = fixture.bookedLoan();
    ledger.addLoan(settled, D.minusDays(1));
    ledger.addLoan(p + "01", D.minusDays(1));
    ledger.script(settled, D, Outcome.settledToday());
    ledger.script(p + "01", D, Outcome.pastDue(4, false));
    ledger.dueInstalment(new DueInstalment(p + "01", "CUST-01", 1, D.plusDays(3), BigDecimal.TEN, "CNY"));
    CobRun first = runs.start(D, "risk");
    fixture.runJobs(first.getProcessInstanceId());

    assertThatThrownBy(() -> runs.start(D, "risk")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already completed");
    assertThatThrownBy(() -> runs.start(D.minusDays(1), "risk")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("before the last completed");

    // the daily timer at 00:30 on the next day closes "yesterday" = D, already done: it ends without a step
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-02-10T00:31:00+08:00").toInstant()));
    ProcessInstance daily = fireDailyTimer();
    fixture.runJobs(daily.getId());

    assertThat(daily).hasPassed("StartEvent_Daily", "Task_OpenBusinessDay", "EndEvent_AllClosed")
        .hasNotPassed("Task_CloseLoans").isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(daily.getId())
        .singleResult().getBusinessKey()).isEqualTo("2027-02-09");
    assertThat(ledger.closedDates(p + "01")).containsExactly(D);
    assertThat(collections(p + "01")).isEqualTo(1);
    assertThat(fixture.notices(NotificationTypes.PAYMENT_REMINDER, p + "01")).hasSize(1);
    assertThat(fixture.notices(CobNotices.LOAN_SETTLED, settled)).hasSize(1);
    assertThat(runRepository.findAll()).singleElement().extracting(CobRun::getId).isEqualTo(first.getId());
  }

  @Test
  void aManualRunThatMeetsAFreshDailyInstanceClosesItsDayAndTheDailyInstanceStandsAside() {
    ledger.addLoan(p + "01", D.minusDays(1));
    ledger.script(p + "01", D, Outcome.pastDue(4, false));
    CobRun manual = runs.start(D, "risk");
    // the daily timer fires before the manual instance reached its first step: two instances wait there
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-02-10T00:31:00+08:00").toInstant()));
    engine.getManagementService().executeJob(dailyTimer().getId());
    ProcessInstance daily = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS).list().stream()
        .filter(instance -> !instance.getId().equals(manual.getProcessInstanceId())).findFirst().orElseThrow();
    assertThat(daily).isWaitingAt("Task_OpenBusinessDay");

    // the daily instance goes first: the manual one has taken up its run, so the daily one ends without a step
    fixture.runJobs(daily.getId());
    assertThat(daily).hasPassed("StartEvent_Daily", "Task_OpenBusinessDay", "EndEvent_AllClosed")
        .hasNotPassed("Task_CloseLoans").isEnded();
    // the manual instance then closes its day, although the daily instance was there when the day was taken up
    ProcessInstance process = fixture.instance(manual.getProcessInstanceId());
    fixture.runJobs(process.getId());
    assertThat(process).hasPassed("Task_CloseLoans", "Task_CompleteBusinessDay").isEnded();
    assertThat(runRepository.findById(manual.getId()).orElseThrow().getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertThat(ledger.closedDates(p + "01")).containsExactly(D);
    assertThat(collections(p + "01")).isEqualTo(1);
  }

  @Test
  void aManualRunTakesUpItsDayWhileAFreshDailyInstanceStillWaits() {
    ledger.addLoan(p + "01", D.minusDays(1));
    CobRun manual = runs.start(D, "risk");
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-02-10T00:31:00+08:00").toInstant()));
    engine.getManagementService().executeJob(dailyTimer().getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS).count()).isEqualTo(2);

    // the manual instance goes first, with the daily instance still waiting at its first step
    ProcessInstance process = fixture.instance(manual.getProcessInstanceId());
    fixture.runJobs(process.getId());

    assertThat(process).hasPassed("Task_CloseLoans", "Task_CompleteBusinessDay").isEnded();
    assertThat(runRepository.findById(manual.getId()).orElseThrow().getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertThat(ledger.closedDates(p + "01")).containsExactly(D);
  }

  @Test
  void theDailyTimerClosesYesterdayWithTheCronFromConfiguration() {
    Job timer = dailyTimer();
    java.time.LocalTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalTime();
    assertThat(due).isEqualTo(java.time.LocalTime.of(3, 45)); // creditflow.cob.cron of the test, engine JVM zone
    ledger.addLoan(p + "01", date("2027-03-08"));
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2027-03-10T00:31:00+08:00").toInstant()));

    ProcessInstance daily = fireDailyTimer();
    fixture.runJobs(daily.getId());

    assertThat(daily).hasPassed("StartEvent_Daily", "Task_CloseLoans", "Task_CompleteBusinessDay").isEnded();
    CobRun run = runRepository.findByBusinessDate(date("2027-03-09")).orElseThrow();
    assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertThat(run.getTriggeredBy()).isEqualTo("timer");
    assertThat(run.getProcessInstanceId()).isEqualTo(daily.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(daily.getId())
        .singleResult().getBusinessKey()).isEqualTo("2027-03-09");
    assertThat(ledger.closedDates(p + "01")).containsExactly(date("2027-03-09"));
  }

  @Test
  void missedDaysAreClosedFirstInOrderEachWithItsOwnRun() {
    ledger.addLoan(p + "01", date("2027-02-04"));
    ledger.addLoan(p + "02", date("2027-02-04"));
    ledger.script(p + "02", date("2027-02-07"), Outcome.pastDue(4, false));
    CobRun first = runs.start(date("2027-02-05"), "risk");
    fixture.runJobs(first.getProcessInstanceId());

    // 06, 07 and 08 were missed; the run for 09 closes them first
    CobRun target = runs.start(D, "risk");
    ProcessInstance process = fixture.instance(target.getProcessInstanceId());
    fixture.runJobs(process.getId());

    assertThat(process).isEnded();
    assertThat(ledger.closedDates(p + "01")).containsExactly(date("2027-02-05"), date("2027-02-06"),
        date("2027-02-07"), date("2027-02-08"), D);
    // days strictly in order; the loans of one day in any order (creditflow.cob.parallelism)
    List<String> closedDays = ledger.closes().stream().map(close -> close.substring(close.indexOf('@') + 1))
        .filter(day -> day.compareTo("2027-02-06") >= 0).toList();
    assertThat(closedDays).isSorted().contains("2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09");
    assertThat(ledger.closes()).contains(p + "02@2027-02-06", p + "02@2027-02-07");
    List<CobRun> all = runRepository.findAll();
    assertThat(all).extracting(CobRun::getBusinessDate).containsExactlyInAnyOrder(date("2027-02-05"),
        date("2027-02-06"), date("2027-02-07"), date("2027-02-08"), D);
    assertThat(all).allSatisfy(run -> assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED));
    assertThat(all).filteredOn(run -> run.getBusinessDate().isAfter(date("2027-02-05")))
        .allSatisfy(run -> {
          assertThat(run.getProcessInstanceId()).isEqualTo(process.getId());
          assertThat(run.getTargetDate()).isEqualTo(D);
        });
    assertThat(all).filteredOn(run -> run.getBusinessDate().isBefore(D))
        .allSatisfy(run -> assertThat(run.getFinishedAt()).isBeforeOrEqualTo(
            runRepository.findByBusinessDate(D).orElseThrow().getFinishedAt()));
    // the collection comes from the catch-up day on which the loan crossed grace
    assertThat(collection(p + "02")).variables().containsEntry("businessDate", "2027-02-07");
  }

  @Test
  void aPoisonedLoanIsRecordedAndSkippedWhileTheRestOfTheBookIsClosed() {
    for (int i = 1; i <= 5; i++) {
      ledger.addLoan(p + "0" + i, D.minusDays(1));
    }
    ledger.script(p + "04", D, Outcome.pastDue(4, false)); // same chunk as the poisoned loan
    ledger.poison(p + "03");

    CobRun started = runs.start(D, "risk");
    fixture.runJobs(started.getProcessInstanceId());

    CobRun run = runRepository.findById(started.getId()).orElseThrow();
    assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    CobStep close = steps(run).get(CobStepName.CLOSE_LOANS);
    assertCounts(close, 4, 1, 0);
    assertThat(close.getLastError()).contains("schedule inconsistent");
    assertThat(loanErrors.findAll()).singleElement().satisfies(error -> {
      assertThat(error.getRunId()).isEqualTo(run.getId());
      assertThat(error.getStep()).isEqualTo(CobStepName.CLOSE_LOANS);
      assertThat(error.getLoanNumber()).isEqualTo(p + "03");
      assertThat(error.getMessage()).isEqualTo("IllegalStateException: Ledger cannot close loan " + p
          + "03: schedule inconsistent");
    });
    assertThat(ledger.closedDates(p + "03")).isEmpty();
    for (String loan : List.of(p + "01", p + "02", p + "04", p + "05")) {
      assertThat(ledger.closedDates(loan)).as(loan).containsExactly(D);
    }
    assertThat(collections(p + "04")).isEqualTo(1);
    assertThat(runs.get(run.getId(), 10).loanErrors()).hasSize(1);
  }

  @Test
  void aFailingStepIsRetriedThenRaisesAnIncidentAndGoesOnOnceResolved() {
    ledger.addLoan(p + "01", D.minusDays(1));
    ledger.failOpenLoans(new IllegalStateException("ledger database unavailable"));
    CobRun started = runs.start(D, "risk");
    String pid = started.getProcessInstanceId();
    executeNextJob(pid); // opens the day

    int attempts = 0;
    Job job = fixture.job(pid);
    while (job.getRetries() > 0 && attempts < 10) {
      if (job.getDuedate() != null) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      Job retry = job;
      assertThatThrownBy(() -> engine.getManagementService().executeJob(retry.getId()))
          .hasMessageContaining("ledger database unavailable");
      attempts++;
      job = fixture.job(pid);
    }

    assertThat(attempts).isEqualTo(4); // first try + PT1M, PT5M, PT15M
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_CloseLoans");
    assertThat(incident.getIncidentMessage()).contains("ledger database unavailable");
    CobRun failed = runRepository.findById(started.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(CobRunStatus.FAILED);
    CobStep step = steps(failed).get(CobStepName.CLOSE_LOANS);
    assertThat(step.getStatus()).isEqualTo(CobStepStatus.FAILED);
    assertThat(step.getLastError()).isEqualTo("IllegalStateException: ledger database unavailable");

    // an operator fixes the cause and retries the job in Cockpit
    ledger.failOpenLoans(null);
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).count()).isZero();
    fixture.runJobs(pid);

    assertThat(fixture.instance(pid)).isNull();
    CobRun completed = runRepository.findById(started.getId()).orElseThrow();
    assertThat(completed.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertCounts(steps(completed).get(CobStepName.CLOSE_LOANS), 1, 0, 0);
    assertThat(ledger.closedDates(p + "01")).containsExactly(D);
  }

  @Test
  void aRunResumesFromTheLastCommittedChunkAfterACrashMidStep() {
    for (int i = 1; i <= 5; i++) {
      ledger.addLoan(p + "0" + i, D.minusDays(1));
    }
    ledger.script(p + "03", D, Outcome.pastDue(4, false));
    ledger.script(p + "04", D, Outcome.pastDue(4, false));
    CobRun started = runs.start(D, "risk");
    String pid = started.getProcessInstanceId();
    executeNextJob(pid); // open the business day
    executeNextJob(pid); // chunk 1: loans 01 and 02
    CobStep afterFirst = stepRepository.findByRunIdAndStep(started.getId(), CobStepName.CLOSE_LOANS).orElseThrow();
    assertThat(afterFirst.getLastKey()).isEqualTo(p + "02");
    assertThat(afterFirst.getChunks()).isEqualTo(1);

    // loan 03: the ledger committed its close, the node died before COB's own transaction for that loan committed
    assertThat(ledger.closeDay(p + "03", D).newlyPastDue()).isFalse();
    // chunk 2 closes loan 04 in the ledger, then the node dies before the job's transaction commits
    // (simulated: the job's commit of the step record is refused)
    AtomicBoolean crash = new AtomicBoolean(true);
    ledger.onClose((loan, date) -> {
      if (loan.equals(p + "04") && crash.getAndSet(false)) {
        jdbc.update("UPDATE cf_cob_step SET version = version + 1 WHERE run_id = ? AND step = 'CLOSE_LOANS'",
            started.getId());
      }
    });
    Job chunk2 = fixture.job(pid);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(chunk2.getId()));
    CobStep afterCrash = stepRepository.findByRunIdAndStep(started.getId(), CobStepName.CLOSE_LOANS).orElseThrow();
    assertThat(afterCrash.getLastKey()).isEqualTo(p + "02");
    assertThat(afterCrash.getProcessed()).isEqualTo(2);
    assertThat(ledger.closedDates(p + "04")).containsExactly(D);

    // the job runs again (its retry, or another node once the lock expired) and goes on from the cursor
    ClockUtil.setCurrentTime(fixture.job(pid).getDuedate());
    fixture.runJobs(pid);

    assertThat(fixture.instance(pid)).isNull();
    CobRun run = runRepository.findById(started.getId()).orElseThrow();
    assertThat(run.getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    assertCounts(steps(run).get(CobStepName.CLOSE_LOANS), 3, 0, 2); // 03 and 04 were already closed
    assertCounts(steps(run).get(CobStepName.START_COLLECTIONS), 2, 0, 0);
    for (int i = 1; i <= 5; i++) {
      assertThat(ledger.closedDates(p + "0" + i)).as("loan " + i).containsExactly(D);
    }
    // loan 04's follow-up committed right after its close and survived the crash; loan 03's, lost, was written again
    // from its days past due (grace + 1) when the redone chunk found it already closed: both collections start, once
    assertThat(followUps.findByRunIdOrderByKindAscLoanNumberAsc(run.getId())).extracting(CobFollowUp::getLoanNumber)
        .containsExactly(p + "03", p + "04");
    assertThat(collections(p + "03")).isEqualTo(1);
    assertThat(collections(p + "04")).isEqualTo(1);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private Map<CobStepName, CobStep> steps(CobRun run) {
    return stepRepository.findByRunIdOrderByStepOrderAsc(run.getId()).stream()
        .collect(Collectors.toMap(CobStep::getStep, Function.identity()));
  }

  private static void assertCounts(CobStep step, int processed, int failed, int skipped) {
    assertThat(List.of(step.getProcessed(), step.getFailed(), step.getSkipped())).as(step.getStep().name())
        .containsExactly(processed, failed, skipped);
  }

  private long collections(String loanNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.COLLECTION)
        .processInstanceBusinessKey(loanNumber).count();
  }

  private ProcessInstance collection(String loanNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.COLLECTION)
        .processInstanceBusinessKey(loanNumber).singleResult();
  }

  private Job dailyTimer() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS)
        .timers().singleResult();
  }

  private ProcessInstance fireDailyTimer() {
    engine.getManagementService().executeJob(dailyTimer().getId());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS)
        .singleResult();
  }

  private void executeNextJob(String pid) {
    engine.getManagementService().executeJob(fixture.job(pid).getId());
  }
}
