package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
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

/**
 * Collection test helpers on the real ledger: loans booked on 2027-01-10 (12,000.00 at 12 % over 12 months, first
 * instalment due 2027-02-10), days closed one by one through {@link DailyClose}, the engine clock moved with them,
 * and the process's jobs run by hand.
 */
@TestComponent
class CollectionFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate BOOKED = LocalDate.of(2027, 1, 10);
  static final LocalDate FIRST_DUE = LocalDate.of(2027, 2, 10);

  final ProcessEngine engine;
  final DisbursementService disbursements;
  final CustomerService customers;
  final DailyClose dailyClose;
  final LoanQueries loans;
  final PaymentService payments;
  final NotificationService notifications;
  final CollectionService collection;
  final CollectionActionRepository actions;

  CollectionFixture(ProcessEngine engine, DisbursementService disbursements, CustomerService customers,
      DailyClose dailyClose, LoanQueries loans, PaymentService payments, NotificationService notifications,
      CollectionService collection, CollectionActionRepository actions) {
    this.engine = engine;
    this.disbursements = disbursements;
    this.customers = customers;
    this.dailyClose = dailyClose;
    this.loans = loans;
    this.payments = payments;
    this.notifications = notifications;
    this.collection = collection;
    this.actions = actions;
  }

  /** A loan of a customer of risk grade {@code grade}, booked on {@link #BOOKED}. */
  String loan(String grade) {
    at(BOOKED, 10, 0);
    String customerId = customers.register(new CustomerService.PersonalDetails("CL-" + UUID.randomUUID()
        .toString().substring(0, 8), "Zhang Min", LocalDate.of(1988, 5, 1), "+8613800138000", "min@example.com",
        "en")).getId();
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId, "CNY",
        new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12, new BigDecimal("0.12"), 0, grade)).loanNumber();
  }

  /** Closes the loan's days up to {@code dpd} days past due of the first instalment; the clock at 10:00 next day. */
  void pastDue(String loanNumber, int dpd) {
    closeThrough(loanNumber, FIRST_DUE.plusDays(dpd - 1L));
    assertThat(ledgerLoan(loanNumber).getDaysPastDue()).isEqualTo(dpd);
  }

  /** Closes every day of the loan up to {@code date}; the clock at 10:00 the day after. */
  void closeThrough(String loanNumber, LocalDate date) {
    LocalDate last = ledgerLoan(loanNumber).getLastClosedOn();
    for (LocalDate day = last == null ? FIRST_DUE : last.plusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
      at(day.plusDays(1), 0, 30);
      dailyClose.closeDay(loanNumber, day);
    }
    at(date.plusDays(1), 10, 0);
  }

  static void at(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(instant(date, hour, minute)));
  }

  static Instant instant(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
  }

  Loan ledgerLoan(String loanNumber) {
    return loans.loan(loanNumber).orElseThrow().loan();
  }

  BigDecimal overdue(String loanNumber) {
    return CollectionService.overdue(loans.loan(loanNumber).orElseThrow());
  }

  /** Starts collection as close of business step 3 does. */
  ProcessInstance start(String loanNumber) {
    Loan loan = ledgerLoan(loanNumber);
    return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loanNumber, Map.of(
        CollectionProcess.LOAN_NUMBER, loanNumber, CollectionProcess.DAYS_PAST_DUE, loan.getDaysPastDue(),
        CollectionProcess.BUSINESS_DATE, loan.getLastClosedOn().toString()));
  }

  /** Runs the due jobs of the process instance (and of instances it called) until none is due. */
  void runJobs(String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("collection still has due jobs after 100 rounds: a loop?");
  }

  /** Pays {@code amount} today and lets the collection take the message. */
  void pay(String loanNumber, BigDecimal amount, String processInstanceId) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(), amount, today,
        PaymentChannel.BANK_TRANSFER));
    runJobs(processInstanceId);
  }

  Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).initializeFormKeys()
        .singleResult();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  /** Claims the task as {@code user} and completes it with {@code variables}. */
  void complete(Task task, String user, Map<String, Object> variables) {
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), variables);
  }

  List<String> templates(String loanNumber) {
    return notifications.of("loan", loanNumber).stream().map(Notification::getTemplateKey).toList();
  }

  CollectionCase caseOf(ProcessInstance process) {
    return collection.caseOf(process.getId());
  }

  List<String> actions(ProcessInstance process) {
    return actions.findByCaseIdOrderBySequenceNumberAsc(caseOf(process).getId()).stream()
        .map(a -> a.getAction() + (a.getOutcome() == null ? "" : ":" + a.getOutcome())).toList();
  }

  Date timerDue(ProcessInstance process, String activityId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(timer).as("timer of %s", activityId).isNotNull();
    return timer.getDuedate();
  }
}
