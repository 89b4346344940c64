package io.creditflow.cob;

import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared moves of the close-of-business tests: a clean slate, a seeded book, jobs driven by hand. */
final class CobFixture {

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final FakeDailyClose ledger;
  private final DisbursementService disbursements;
  private final NotificationService notifications;

  CobFixture(ProcessEngine engine, JdbcTemplate jdbc, FakeDailyClose ledger, DisbursementService disbursements,
      NotificationService notifications) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.disbursements = disbursements;
    this.notifications = notifications;
  }

  /** No COB or collection instances, no COB records, an empty fake book; the clock at {@code now}. */
  void cleanSlate(String now) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(now)));
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

  /** A loan numbered by the ledger, for a random customer: the settlement notice looks its customer up. */
  String bookedLoan() {
    return disbursements.disburse(new DisbursementRequest("T-" + UUID.randomUUID(), UUID.randomUUID().toString(),
        "CNY", new BigDecimal("5000.00"), new BigDecimal("1000.00"), 6, new BigDecimal("0.05"), 0, "A")).loanNumber();
  }

  /** Unique loan numbers for one test: prefix + n. */
  static String prefix() {
    return "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
  }

  /** Runs every executable job of the instance until none is left (failed jobs wait for their retry time). */
  void runJobs(String processInstanceId) {
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

  Job job(String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).singleResult();
  }

  ProcessInstance instance(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
  }

  List<Notification> notices(String type, String loanNumber) {
    return notifications.of("loan", loanNumber).stream().filter(n -> n.getType().equals(type)).toList();
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
