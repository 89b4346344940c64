package io.creditflow.portfolio;

import io.creditflow.identity.ProcessKeys;
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

/**
 * A seeded book for portfolio and inspection tests: loans booked on the real ledger, then put in the state a test
 * needs (outstanding amounts, days past due, status) with SQL, as the review and COB fixtures do; the application
 * behind a line (channel, campaign) is a minimal row of {@code cf_loan_application}.
 */
public final class PortfolioFixture {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final ProcessEngine engine;
  private final DisbursementService disbursements;
  private final JdbcTemplate jdbc;

  public PortfolioFixture(ProcessEngine engine, DisbursementService disbursements, JdbcTemplate jdbc) {
    this.engine = engine;
    this.disbursements = disbursements;
    this.jdbc = jdbc;
  }

  public static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  /** An empty ledger, no snapshots or inspections, and none of their instances running (H2 context of its own). */
  public void cleanSlate() {
    engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKeyIn(ProcessKeys.PORTFOLIO_EARLY_WARNING, ProcessKeys.POST_LOAN_INSPECTION).list()
        .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test clean-up", true, true));
    for (String table : List.of("cf_portfolio_breach", "cf_portfolio_segment", "cf_portfolio_snapshot",
        "cf_portfolio_loan_bucket", "cf_inspection_finding", "cf_inspection_loan", "cf_inspection",
        "cf_payment_allocation", "cf_payment", "cf_schedule_change", "cf_fund_usage_report", "cf_drawdown",
        "cf_instalment", "cf_disbursement", "cf_credit_limit_change", "cf_loan", "cf_credit_line",
        "cf_application_document", "cf_loan_application")) {
      jdbc.update("DELETE FROM " + table);
    }
  }

  /**
   * A first loan of {@code balance} (principal) in {@code grade}, through an application of {@code channel}
   * ({@code null}: no application row, as for a migrated book) with {@code campaign} (may be null).
   */
  public String loan(String grade, String channel, String campaign, String balance) {
    String applicationId = UUID.randomUUID().toString();
    String customerId = UUID.randomUUID().toString();
    if (channel != null) {
      jdbc.update("INSERT INTO cf_loan_application (id, external_reference, request_fingerprint, channel,"
          + " campaign_code, customer_id, monthly_income, employment_months, monthly_debt_payments, dependants,"
          + " age_at_application, requested_amount, term_months, purpose, currency, status, created_at, updated_at,"
          + " version) VALUES (?, ?, 'f', ?, ?, ?, 10000.00, 24, 0.00, 0, 30, ?, 12, 'TRAVEL', 'CNY', 'DISBURSED',"
          + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", applicationId, "EXT-" + applicationId, channel, campaign,
          customerId, new BigDecimal(balance));
    }
    return disbursements.disburse(new DisbursementRequest(applicationId, customerId, "CNY",
        new BigDecimal(balance).add(new BigDecimal("1000.00")), new BigDecimal(balance), 12, new BigDecimal("0.12"),
        0, grade)).loanNumber();
  }

  /** Sets what the loan owes and how late it is (status DELINQUENT when past due, ACTIVE otherwise). */
  public void state(String loanNumber, String principal, String interest, String penalty, int daysPastDue) {
    jdbc.update("UPDATE cf_loan SET outstanding_principal = ?, outstanding_interest = ?, outstanding_penalty = ?,"
        + " days_past_due = ?, status = ? WHERE loan_number = ?", new BigDecimal(principal), new BigDecimal(interest),
        new BigDecimal(penalty), daysPastDue, daysPastDue > 0 ? "DELINQUENT" : "ACTIVE", loanNumber);
  }

  public void dpd(String loanNumber, int daysPastDue) {
    jdbc.update("UPDATE cf_loan SET days_past_due = ?, status = ? WHERE loan_number = ?", daysPastDue,
        daysPastDue > 0 ? "DELINQUENT" : "ACTIVE", loanNumber);
  }

  public void status(String loanNumber, String status) {
    jdbc.update("UPDATE cf_loan SET status = ? WHERE loan_number = ?", status, loanNumber);
  }

  /** Makes the loan a drawdown (no application of its own), as DrawdownService books them. */
  public void drawdown(String loanNumber) {
    jdbc.update("UPDATE cf_loan SET application_id = NULL WHERE loan_number = ?", loanNumber);
  }

  /** Runs every executable job of the instance until none is left. */
  public void runJobs(String processInstanceId) {
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
