package io.creditflow.monitoring;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.monitoring.FundUsageInvestigation.Outcome;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.LedgerActions;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code fundUsageInvestigation} does after the risk manager's decision: the ledger action (through
 * {@link LedgerActions}, with the report and reason code as the reason) and the customer's notice (outbox, SMS, in the
 * customer's language; key = notice type + report reference, so a retried job sends once). Joins the job's
 * transaction.
 */
@Service
public class FundUsageActions {

  private final FundUsageReportRepository reports;
  private final LoanQueries loans;
  private final LedgerActions ledger;
  private final NotificationService notifications;
  private final CustomerRepository customers;
  private final MonitoringProperties properties;

  FundUsageActions(FundUsageReportRepository reports, LoanQueries loans, LedgerActions ledger,
      NotificationService notifications, CustomerRepository customers, MonitoringProperties properties) {
    this.reports = reports;
    this.loans = loans;
    this.ledger = ledger;
    this.notifications = notifications;
    this.customers = customers;
    this.properties = properties;
  }

  /** FREEZE_LINE: no further drawdowns on the loan's credit line. Idempotent. */
  @Transactional
  public void freezeLine(String reportId, String actor) {
    FundUsageReport report = report(reportId);
    ledger.freezeLine(loan(report).getCreditLineId(), reason(report), actor);
  }

  /**
   * RECALL_LOAN: the whole balance falls due today, and the credit line is frozen (no new loan on a line whose loan
   * was recalled for misuse). Idempotent on the same day.
   */
  @Transactional
  public void recallLoan(String reportId, String actor) {
    FundUsageReport report = report(reportId);
    ledger.recallLoan(report.getLoanNumber(), reason(report), actor);
    ledger.freezeLine(loan(report).getCreditLineId(), reason(report), actor);
  }

  /** The customer's notice of a freeze or a recall (nothing for CLEAR). */
  @Transactional
  public void notifyCustomer(String reportId, Outcome outcome) {
    if (outcome == Outcome.CLEAR) {
      return;
    }
    FundUsageReport report = report(reportId);
    Loan loan = loan(report);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", loan.getLoanNumber());
    parameters.put("reasonCode", report.getReasonCode());
    String type;
    String template;
    if (outcome == Outcome.RECALL_LOAN) {
      type = FundUsageInvestigation.LOAN_RECALLED_NOTICE;
      template = "servicing.loan-recalled";
      parameters.put("amountDue", loan.getBalance().toPlainString());
      parameters.put("currency", loan.getCurrency());
      parameters.put("dueDate", loan.getMaturityDate().toString());
    } else {
      type = FundUsageInvestigation.LINE_FROZEN_NOTICE;
      template = "servicing.fund-usage-line-frozen";
    }
    String language = customers.findById(loan.getCustomerId()).map(Customer::getPreferredLanguage)
        .orElse(properties.noticeLanguage());
    notifications.enqueue(NotificationRequest.of(type + ":" + report.getReportReference(), type,
        NotificationChannel.SMS, loan.getCustomerId(), "loan", loan.getLoanNumber(), template, parameters, language));
  }

  private FundUsageReport report(String reportId) {
    return reports.findById(reportId)
        .orElseThrow(() -> new IllegalStateException("no fund usage report " + reportId));
  }

  private Loan loan(FundUsageReport report) {
    return loans.loan(report.getLoanNumber()).orElseThrow().loan();
  }

  private static String reason(FundUsageReport report) {
    return "fund usage " + report.getReportReference() + ": " + report.getReasonCode();
  }
}
