package io.creditflow.review;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/** Seeded credit lines for review tests: sandbox-bureau customers, lines drawn on the real ledger, review rows. */
public final class ReviewFixture {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final CustomerService customers;
  private final DisbursementService disbursements;
  private final JdbcTemplate jdbc;

  public ReviewFixture(CustomerService customers, DisbursementService disbursements, JdbcTemplate jdbc) {
    this.customers = customers;
    this.disbursements = disbursements;
    this.jdbc = jdbc;
  }

  public static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  /** A customer whose bureau report is the sandbox persona of this kind (PRIME, SUBPRIME, BANKRUPT, ...). */
  public String customer(String kind) {
    String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return customers.register(new CustomerService.PersonalDetails("SANDBOX-" + kind + "-" + suffix, "Test Person",
        LocalDate.of(1990, 1, 1), "+8613800000000", "test@example.com", "zh-CN")).getId();
  }

  /** A loan of {@code drawn} on a new line of {@code limit} for the customer; returns the loan number. */
  public String loan(String customerId, String limit, String drawn) {
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId, "CNY",
        new BigDecimal(limit), new BigDecimal(drawn), 12, new BigDecimal("0.12"), 0, "B")).loanNumber();
  }

  /** The line's review row: due on {@code next}, with {@code delinquencies} from the last review (null: none yet). */
  public void reviewDue(String creditLineId, String customerId, LocalDate next, Integer delinquencies) {
    jdbc.update("DELETE FROM cf_credit_review WHERE credit_line_id = ?", creditLineId);
    jdbc.update("INSERT INTO cf_credit_review (credit_line_id, customer_id, next_review_date, bureau_delinquencies,"
        + " updated_at, version) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 0)", creditLineId, customerId, next,
        delinquencies);
  }

  /** Every other line's review far in the future, so that lines of other tests stay out of the way. */
  public void parkAllReviews() {
    jdbc.update("DELETE FROM cf_credit_review");
    jdbc.update("INSERT INTO cf_credit_review (credit_line_id, customer_id, next_review_date, updated_at, version)"
        + " SELECT id, customer_id, DATE '2099-01-01', CURRENT_TIMESTAMP, 0 FROM cf_credit_line");
  }

  public static void runJobs(ProcessEngine engine, String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
