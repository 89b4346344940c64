package io.creditflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentResult;
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

/** Test helpers: a loan booked and past due, the legal process started and driven by hand. */
class LegalFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate BOOKED = LocalDate.of(2027, 1, 31);

  final ProcessEngine engine;
  final DisbursementService disbursements;
  final CustomerService customers;
  final DailyClose dailyClose;
  final PaymentService payments;
  final LoanQueries loans;
  final LegalService legal;
  LocalDate today;

  LegalFixture(ProcessEngine engine, DisbursementService disbursements, CustomerService customers,
      DailyClose dailyClose, PaymentService payments, LoanQueries loans, LegalService legal) {
    this.engine = engine;
    this.disbursements = disbursements;
    this.customers = customers;
    this.dailyClose = dailyClose;
    this.payments = payments;
    this.loans = loans;
    this.legal = legal;
  }

  void today(LocalDate date) {
    today = date;
    ClockUtil.setCurrentTime(Date.from(at(date)));
  }

  static Instant at(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  }

  /** 12,000.00 at 12 % over 12 months booked on 31 Jan 2027 (instalment 1,066.19), closed through 4 Apr: 2 missed. */
  String pastDueLoan() {
    today(BOOKED);
    String customerId = customers.register(new CustomerService.PersonalDetails("LG-" + UUID.randomUUID()
        .toString().substring(0, 8), "王芳 Wang Fang", LocalDate.of(1988, 5, 6), "+8613800138000",
        "wang@example.com", "zh-CN")).getId();
    String loanNumber = disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId, "CNY",
        new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12, new BigDecimal("0.12"), 0, "C")).loanNumber();
    for (LocalDate d = BOOKED.plusDays(1); !d.isAfter(LocalDate.of(2027, 4, 4)); d = d.plusDays(1)) {
      dailyClose.closeDay(loanNumber, d);
    }
    today(LocalDate.of(2027, 4, 5));
    return loanNumber;
  }

  ProcessInstance handOver(String loanNumber) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(LegalProcess.KEY, loanNumber,
        Map.of(LegalProcess.LOAN_NUMBER, loanNumber, LegalProcess.COLLECTION_CASE_ID, "COLL-" + loanNumber));
    runJobs(pi);
    return pi;
  }

  String caseId(ProcessInstance pi) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(LegalProcess.CASE_ID).singleResult().getValue();
  }

  LegalCase legalCase(String loanNumber) {
    return legal.ofLoan(loanNumber).get(0);
  }

  Loan loan(String loanNumber) {
    return loans.loan(loanNumber).orElseThrow().loan();
  }

  PaymentResult pay(String loanNumber, String amount) {
    PaymentResult result = payments.post(loanNumber, new PaymentCommand("PAY-" + UUID.randomUUID(),
        new BigDecimal(amount), today, PaymentChannel.BANK_TRANSFER));
    runAllJobs(loanNumber);
    return result;
  }

  Task task(ProcessInstance pi) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  void complete(ProcessInstance pi, String user, Map<String, Object> variables) {
    Task task = task(pi);
    engine.getTaskService().claim(task.getId(), user);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      if (engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult() != null) {
        engine.getTaskService().setAssignee(task.getId(), null);
      }
    }
    runJobs(pi);
  }

  void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable()
          .messages().list();
      List<Job> due = jobs;
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private void runAllJobs(String loanNumber) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(loanNumber)
        .processDefinitionKey(LegalProcess.KEY).list().forEach(this::runJobs);
  }

  /** Moves the clock to {@code date} and fires the process's due timers. */
  void fireTimers(ProcessInstance pi, LocalDate date) {
    today(date);
    engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().duedateLowerThan(
        Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1))).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    runJobs(pi);
  }
}
