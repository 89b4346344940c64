package io.creditflow.complaint;

import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/** Test helpers: customers and loans, complaints filed, the engine clock, jobs, timers and tasks. */
@TestComponent
class ComplaintFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Monday 1 March 2027. */
  static final LocalDate RECEIVED = LocalDate.of(2027, 3, 1);

  final ProcessEngine engine;
  final ComplaintService complaints;
  final CustomerService customers;
  final DisbursementService disbursements;
  final DailyClose dailyClose;
  final LoanQueries loans;

  ComplaintFixture(ProcessEngine engine, ComplaintService complaints, CustomerService customers,
      DisbursementService disbursements, DailyClose dailyClose, LoanQueries loans) {
    this.engine = engine;
    this.complaints = complaints;
    this.customers = customers;
    this.disbursements = disbursements;
    this.dailyClose = dailyClose;
    this.loans = loans;
  }

  static Instant instant(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static void at(LocalDate date, int hour, int minute) {
    at(instant(date, hour, minute));
  }

  /** A customer with a national id; returns the national id. */
  String customer() {
    String nationalId = "CP-" + UUID.randomUUID().toString().substring(0, 8);
    customers.register(new CustomerService.PersonalDetails(nationalId, "Wang Fang", LocalDate.of(1990, 1, 1),
        "+8613800138000", "fang@example.com", "en"));
    return nationalId;
  }

  /** A loan of 12,000.00 booked on {@code booked} for a new customer. */
  String loan(LocalDate booked) {
    at(booked, 10, 0);
    String nationalId = customer();
    String customerId = customers.byNationalId(nationalId).orElseThrow().getId();
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId, "CNY",
        new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12, new BigDecimal("0.12"), 0, "C")).loanNumber();
  }

  /** Closes every day of the loan up to {@code date}. */
  void closeThrough(String loanNumber, LocalDate from, LocalDate date) {
    for (LocalDate day = from; !day.isAfter(date); day = day.plusDays(1)) {
      at(day.plusDays(1), 0, 30);
      dailyClose.closeDay(loanNumber, day);
    }
  }

  ComplaintService.Intake intake(String reference, String nationalId, String loanNumber,
      ComplaintCategory category, ComplaintSeverity severity, String description) {
    return new ComplaintService.Intake(reference, nationalId, loanNumber, ComplaintChannel.PHONE, category,
        severity, false, description, "en");
  }

  /** Files a complaint at 10:00 on {@link #RECEIVED} (CN unless given) and runs triage and acknowledgement. */
  Complaint file(String loanNumber, ComplaintCategory category, String description, Jurisdiction jurisdiction) {
    at(RECEIVED, 10, 0);
    String nationalId = loanNumber == null ? customer() : null;
    Complaint complaint = complaints.submit(intake("EXT-" + UUID.randomUUID(), nationalId, loanNumber, category,
        ComplaintSeverity.MEDIUM, description), "channel", jurisdiction).complaint();
    process(complaint);
    runJobs(complaint.getProcessInstanceId());
    return complaints.get(complaint.getId());
  }

  private final java.util.Map<String, ProcessInstance> instances = new java.util.concurrent.ConcurrentHashMap<>();

  /** The complaint's process instance (as first seen running, so that ended ones can be asserted too). */
  ProcessInstance process(Complaint complaint) {
    return instances.computeIfAbsent(complaint.getProcessInstanceId(), id -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(id).singleResult());
  }

  /** Runs the process's due jobs until none is due. */
  void runJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        List<Job> failed = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
            .withException().list();
        if (!failed.isEmpty()) {
          throw new AssertionError("job failed: " + failed.get(0).getExceptionMessage() + "\n"
              + engine.getManagementService().getJobExceptionStacktrace(failed.get(0).getId()));
        }
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          throw new AssertionError("job " + job.getId() + " failed", e);
        }
      }
    }
    throw new AssertionError("still due jobs after 50 rounds");
  }

  /** Moves the clock to the timer of {@code activityId}, fires it, and runs what follows. */
  void fire(Complaint complaint, String activityId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(complaint.getProcessInstanceId())
        .activityId(activityId).timers().singleResult();
    if (timer == null) {
      throw new AssertionError("no timer at " + activityId);
    }
    at(timer.getDuedate().toInstant());
    engine.getManagementService().executeJob(timer.getId());
    runJobs(complaint.getProcessInstanceId());
  }

  Date timerDue(Complaint complaint, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(complaint.getProcessInstanceId())
        .activityId(activityId).timers().singleResult().getDuedate();
  }

  Task task(Complaint complaint, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(complaint.getProcessInstanceId())
        .taskDefinitionKey(taskKey).initializeFormKeys().singleResult();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  /** Claims and completes the task as {@code user}; unclaims it when the completion is refused. */
  void complete(Complaint complaint, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(complaint, taskKey);
    if (task == null) {
      throw new AssertionError("no task " + taskKey);
    }
    engine.getTaskService().claim(task.getId(), user);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      if (engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult() != null) {
        engine.getTaskService().setAssignee(task.getId(), null);
      }
    }
    runJobs(complaint.getProcessInstanceId());
  }

  /** Starts complaintResolution as the Tasklist start form does. */
  ProcessInstance startFromForm(Map<String, Object> form) {
    return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COMPLAINT_RESOLUTION, form);
  }
}
