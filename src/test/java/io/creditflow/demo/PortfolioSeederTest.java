package io.creditflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.cob.CobRun;
import io.creditflow.cob.CobRunService;
import io.creditflow.cob.CobRunStatus;
import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.InstalmentStatus;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentResult;
import io.creditflow.servicing.PaymentService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bulk seeder writes what disbursements and payments write, and the ledger, payments, the close of business and
 * collection treat a seeded loan like a disbursed one. A context of its own (the explicit seed-loans property): a
 * context shared with other close-of-business tests would make this run catch up on months of their dates.
 */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.demo.seed-loans=0"})
@ActiveProfiles("test")
class PortfolioSeederTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  PortfolioSeeder seeder;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  LoanQueries loans;
  @Autowired
  CustomerService customers;
  @Autowired
  PaymentService payments;
  @Autowired
  CobRunService runs;
  @Autowired
  DailyClose dailyClose;
  @Autowired
  ProcessEngine engine;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aWaveWritesEveryRowADisbursementAndAPaymentOnTheDueDateLeave() {
    LocalDate due = LocalDate.of(2027, 5, 12);
    at(due, LocalTime.of(20, 0));
    PortfolioSeeder.Result result = seeder.seed(SeedPlan.wave(300, due, 0.1).withChunkSize(64));

    String prefix = result.loanNumberPrefix();
    assertThat(count("SELECT COUNT(*) FROM cf_loan WHERE loan_number LIKE ?", prefix + "%")).isEqualTo(300);
    int unpaid = result.unpaid();
    assertThat(unpaid).isBetween(10, 60);
    int paid = 300 - unpaid;
    assertThat(count("SELECT COUNT(*) FROM cf_instalment WHERE loan_number LIKE ?", prefix + "%")).isEqualTo(3600);
    assertThat(count("SELECT COUNT(*) FROM cf_payment WHERE loan_number LIKE ?", prefix + "%")).isEqualTo(paid);
    assertThat(count("SELECT COUNT(*) FROM cf_payment_allocation a JOIN cf_payment p ON p.id = a.payment_id"
        + " WHERE p.loan_number LIKE ?", prefix + "%")).isEqualTo(paid);
    assertThat(count("SELECT COUNT(*) FROM cf_disbursement WHERE loan_number LIKE ?", prefix + "%")).isEqualTo(300);
    assertThat(count("SELECT COUNT(*) FROM cf_customer c JOIN cf_loan l ON l.customer_id = c.id"
        + " JOIN cf_credit_line cl ON cl.id = l.credit_line_id JOIN cf_credit_review r ON r.credit_line_id = cl.id"
        + " JOIN cf_credit_limit_change ch ON ch.credit_line_id = cl.id WHERE l.loan_number LIKE ?", prefix + "%"))
        .isEqualTo(300);
    assertThat(count("SELECT COUNT(*) FROM cf_audit_event WHERE subject_id LIKE ?", prefix + "%"))
        .isEqualTo(300 + paid);
    assertThat(result.rows()).isEqualTo(300L * (1 + 1 + 1 + 1 + 12 + 1 + 1 + 1) + 3L * paid);

    // a paid loan: first instalment paid on its due date, principal and the line's headroom restored by it
    String paidLoan = jdbc.queryForObject("SELECT MIN(loan_number) FROM cf_payment WHERE loan_number LIKE ?",
        String.class, prefix + "%");
    LoanQueries.LoanWithSchedule view = loans.loan(paidLoan).orElseThrow();
    Loan loan = view.loan();
    Instalment first = view.schedule().get(0);
    assertThat(first.getDueDate()).isEqualTo(due);
    assertThat(first.getStatus()).isEqualTo(InstalmentStatus.PAID);
    assertThat(view.schedule().subList(1, 12)).allMatch(line -> line.getStatus() == InstalmentStatus.DUE);
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(loan.getLastClosedOn()).isEqualTo(due.minusDays(1));
    assertThat(loan.getOutstandingPrincipal()).isEqualByComparingTo(loan.getPrincipal().subtract(
        first.getPrincipalDue()));
    assertThat(loan.getOutstandingPrincipal()).isEqualByComparingTo(view.schedule().stream().skip(1)
        .map(Instalment::getPrincipalDue).reduce(BigDecimal.ZERO, BigDecimal::add));
    var line = loans.creditLine(loan.getCreditLineId()).orElseThrow().creditLine();
    assertThat(line.getAvailableAmount()).isEqualByComparingTo(line.getCreditLimit()
        .subtract(loan.getOutstandingPrincipal()));

    // personal data is stored encrypted and reads back through the customer service
    String stored = jdbc.queryForObject("SELECT mobile FROM cf_customer WHERE id = ?", String.class,
        loan.getCustomerId());
    assertThat(stored).startsWith("v1:").doesNotContain("+86");
    assertThat(customers.get(loan.getCustomerId()).getMobile()).matches("\\+86138\\d{8}");

    // the quiet close takes exactly the paid loans of a page and leaves the unpaid ones for the per-loan close
    List<String> page = jdbc.queryForList("SELECT loan_number FROM cf_loan WHERE loan_number LIKE ?"
        + " ORDER BY loan_number", String.class, prefix + "%");
    // only the loans named in the page: a page of the unpaid loans closes none of the paid loans numbered between them
    List<String> unpaidPage = jdbc.queryForList("SELECT loan_number FROM cf_instalment WHERE loan_number LIKE ?"
        + " AND sequence_number = 1 AND status = 'DUE' ORDER BY loan_number", String.class, prefix + "%");
    assertThat(count("SELECT COUNT(*) FROM cf_payment WHERE loan_number > ? AND loan_number < ?", unpaidPage.get(0),
        unpaidPage.get(unpaidPage.size() - 1))).isPositive();
    DailyClose.QuietClose none = dailyClose.closeQuietLoans(unpaidPage, due);
    assertThat(none.closed()).isZero();
    assertThat(none.remaining()).isEqualTo(unpaidPage);
    assertThat(count("SELECT COUNT(*) FROM cf_loan WHERE loan_number LIKE ? AND last_closed_on = ?", prefix + "%",
        due)).isZero();
    DailyClose.QuietClose quiet = dailyClose.closeQuietLoans(page, due);
    assertThat(quiet.closed()).isEqualTo(paid);
    assertThat(quiet.remaining()).hasSize(unpaid).allMatch(n -> count(
        "SELECT COUNT(*) FROM cf_instalment WHERE loan_number = ? AND sequence_number = 1 AND status = 'DUE'", n)
        == 1);
    assertThat(loans.loan(paidLoan).orElseThrow().loan().getLastClosedOn()).isEqualTo(due);
    assertThat(loans.loan(paidLoan).orElseThrow().loan().getVersion()).isEqualTo(loan.getVersion() + 1);
    // a second pass closes nothing again
    assertThat(dailyClose.closeQuietLoans(page, due).closed()).isZero();
  }

  @Test
  void theCloseOfBusinessAndPaymentsTreatSeededLoansAsDisbursedOnes() {
    LocalDate due = LocalDate.of(2027, 8, 17);
    at(due, LocalTime.of(20, 0));
    PortfolioSeeder.Result result = seeder.seed(SeedPlan.wave(40, due, 0.25));
    String prefix = result.loanNumberPrefix();

    at(due.plusDays(1), LocalTime.of(0, 30));
    CobRun run = runs.start(due, "risk");
    runJobs(run.getProcessInstanceId());

    assertThat(runs.get(run.getId(), 10).run().getStatus()).isEqualTo(CobRunStatus.COMPLETED);
    List<String> late = jdbc.queryForList("SELECT loan_number FROM cf_loan WHERE loan_number LIKE ?"
        + " AND status = 'DELINQUENT' AND days_past_due = 1 AND last_closed_on = ?", String.class, prefix + "%", due);
    assertThat(late).hasSize(result.unpaid());
    assertThat(count("SELECT COUNT(*) FROM cf_loan WHERE loan_number LIKE ? AND status = 'ACTIVE'"
        + " AND days_past_due = 0 AND last_closed_on = ?", prefix + "%", due)).isEqualTo(40 - result.unpaid());
    for (String loan : late) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collection")
          .processInstanceBusinessKey(loan).count()).isEqualTo(1);
    }
    String lateLoan = late.get(0);
    String collection = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collection")
        .processInstanceBusinessKey(lateLoan).singleResult().getId();
    runJobs(collection); // the case opens and waits for its next stage
    assertThat(count("SELECT COUNT(*) FROM cf_collection_case WHERE loan_number = ?", lateLoan)).isEqualTo(1);

    // the late loan pays its arrears: the waiting collection hears of it and the case is cured
    at(due.plusDays(1), LocalTime.of(10, 0));
    Loan owing = loans.loan(lateLoan).orElseThrow().loan();
    Instalment overdue = loans.loan(lateLoan).orElseThrow().schedule().get(0);
    assertThat(overdue.getStatus()).isEqualTo(InstalmentStatus.OVERDUE);
    PaymentResult payment = payments.post(lateLoan, new PaymentCommand("SEEDTEST-" + lateLoan,
        overdue.getTotalDue().add(owing.getOutstandingPenalty()), due.plusDays(1), PaymentChannel.APP));
    assertThat(payment.payment().loanStatusAfter()).isEqualTo(LoanStatus.ACTIVE);
    runJobs(collection);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(collection).count())
        .isZero();

    // a loan in good standing pays off its whole balance: settled like any other loan
    String current = jdbc.queryForObject("SELECT MIN(loan_number) FROM cf_loan WHERE loan_number LIKE ?"
        + " AND status = 'ACTIVE' AND loan_number <> ?", String.class, prefix + "%", lateLoan);
    Loan before = loans.loan(current).orElseThrow().loan();
    PaymentResult payoff = payments.post(current, new PaymentCommand("SEEDTEST-" + current, before.getBalance(),
        due.plusDays(1), PaymentChannel.BANK_TRANSFER));
    assertThat(payoff.payment().loanStatusAfter()).isEqualTo(LoanStatus.SETTLED);
  }

  @Test
  void aDemoBookHasCurrentPaidOffAndNewlyUnpaidLoans() {
    LocalDate today = LocalDate.of(2027, 10, 20);
    at(today, LocalTime.of(9, 0));
    PortfolioSeeder.Result result = seeder.seed(SeedPlan.demo(400, today));
    String prefix = result.loanNumberPrefix();

    assertThat(result.settled()).isBetween(20, 70);
    assertThat(result.unpaid()).isBetween(5, 40);
    assertThat(count("SELECT COUNT(*) FROM cf_loan WHERE loan_number LIKE ? AND status = 'SETTLED'"
        + " AND outstanding_principal = 0", prefix + "%")).isEqualTo(result.settled());
    // the unpaid ones: a line due yesterday and not paid, nothing earlier left unpaid
    assertThat(count("SELECT COUNT(DISTINCT loan_number) FROM cf_instalment WHERE loan_number LIKE ?"
        + " AND due_date = ? AND status = 'DUE'", prefix + "%", today.minusDays(1))).isEqualTo(result.unpaid());
    assertThat(count("SELECT COUNT(*) FROM cf_instalment WHERE loan_number LIKE ? AND due_date < ?"
        + " AND status <> 'PAID'", prefix + "%", today.minusDays(1))).isZero();
    // every loan: outstanding principal = principal not yet paid on the schedule; the line's drawn amount matches
    assertThat(count("SELECT COUNT(*) FROM cf_loan l WHERE l.loan_number LIKE ? AND l.outstanding_principal <>"
        + " (SELECT SUM(i.principal_due - i.principal_paid) FROM cf_instalment i WHERE i.loan_number = l.loan_number)",
        prefix + "%")).isZero();
    assertThat(count("SELECT COUNT(*) FROM cf_loan l JOIN cf_credit_line c ON c.id = l.credit_line_id"
        + " WHERE l.loan_number LIKE ? AND (c.drawn_amount <> l.outstanding_principal"
        + " OR c.available_amount <> c.credit_limit - l.outstanding_principal)", prefix + "%")).isZero();
    assertThat(count("SELECT COUNT(*) FROM cf_loan WHERE loan_number LIKE ? AND last_closed_on = ?",
        prefix + "%", today.minusDays(2))).isEqualTo(400);
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 2000; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("instance " + processInstanceId + " still has jobs after 2000 rounds");
  }

  private static void at(LocalDate date, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(time).atZone(ZONE).toInstant()));
  }
}
