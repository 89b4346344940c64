package io.creditflow.origination;

import io.creditflow.bureau.BureauReport;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.customer.CustomerService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions people take in Tasklist: a credit officer's review (approve, decline, ask for documents), a credit
 * manager's second approval, and the decline itself. Enforces the approval rules: never above the suggested limit or
 * the grade's maximum term, a reason for every decline, and four eyes above the threshold by a different person.
 */
@Service
public class ApprovalService {

  /** The routing a review produces. */
  public record ReviewResult(String decision, boolean fourEyesRequired, String declineReasonCode) {}

  public static final String APPROVE = "APPROVE";
  public static final String DECLINE = "DECLINE";
  public static final String REQUEST_DOCUMENTS = "REQUEST_DOCUMENTS";

  private final LoanApplicationRepository applications;
  private final CustomerService customers;
  private final OriginationNotices notices;
  private final OriginationProperties product;
  private final AuditTrail audit;
  private final Clock clock;

  public ApprovalService(LoanApplicationRepository applications, CustomerService customers,
      OriginationNotices notices, OriginationProperties product, AuditTrail audit, Clock clock) {
    this.applications = applications;
    this.customers = customers;
    this.notices = notices;
    this.product = product;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What the review form shows: applicant, bureau summary, score, grade, reasons and suggested terms. Held as task
   * variables only while the task is open; no national id, mobile or e-mail.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> reviewSummary(String applicationId) {
    LoanApplication application = get(applicationId);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("applicantName", customers.get(application.getCustomerId()).getFullName());
    summary.put("applicantAge", application.getAgeAtApplication());
    summary.put("monthlyIncome", money(application.getMonthlyIncome()));
    summary.put("debtToIncomePercent", application.getDebtToIncome().movePointRight(2)
        .setScale(1, RoundingMode.HALF_UP).toPlainString());
    summary.put("employmentMonths", application.getEmploymentMonths());
    summary.put("requestedAmount", money(application.getRequestedAmount()));
    summary.put("requestedTermMonths", application.getTermMonths());
    summary.put("purpose", application.getPurpose().name());
    summary.put("channel", application.getChannel().name());
    summary.put("bureauSummary", bureauSummary(application));
    summary.put("scoreText", application.getScore() + " of " + application.getMaxScore());
    summary.put("grade", application.getRiskGrade());
    summary.put("reasonsText", application.getReasons().stream()
        .map(reason -> reason.code() + ": " + reason.text()).collect(Collectors.joining("\n")));
    summary.put("suggestedLimitText", money(application.getSuggestedLimit()));
    summary.put("maxTermMonths", application.getMaxTermMonths());
    summary.put("annualRatePercent", application.getAnnualRate().movePointRight(2)
        .setScale(2, RoundingMode.HALF_UP).toPlainString());
    summary.put("documentsText", application.getDocumentsRequested() == null ? "" : application.getDocumentsRequested());
    if (application.getApprovedLimit() != null) {
      summary.put("approvedLimitText", money(application.getApprovedLimit()));
      summary.put("approvedTermMonthsText", application.getApprovedTermMonths());
      summary.put("firstApprover", application.getReviewedBy());
    }
    return summary;
  }

  private String bureauSummary(LoanApplication application) {
    if (application.getBureauReport() == null) {
      return "No bureau report.";
    }
    BureauReport report = JsonColumn.bureauReport(application.getBureauReport());
    if (report.thinFile()) {
      return "Thin file: no credit history at the bureau (" + report.bureauReference() + ").";
    }
    return "Bureau score " + report.bureauScore() + " · months on file: " + report.monthsOnFile()
        + " · open accounts: " + report.openAccounts() + " · delinquencies (12 months): " + report.delinquencies12m()
        + " · worst days past due (24 months): " + report.maxDaysPastDue24m() + " · bankruptcy "
        + (report.bankruptcy() ? "YES" : "no") + " · fraud alert " + (report.fraudAlert() ? "YES" : "no")
        + " · reported debt payments " + money(report.reportedMonthlyDebt()) + " a month ("
        + report.bureauReference() + ").";
  }

  /** A credit officer's (or, after escalation, a manager's) review. */
  @Transactional
  public ReviewResult review(String applicationId, String reviewer, String decision, Number approvedLimit,
      Number approvedTermMonths, String declineReason, String documentsRequested) {
    LoanApplication application = get(applicationId);
    Instant now = now();
    if (APPROVE.equals(decision)) {
      BigDecimal limit = limit(approvedLimit, application.getSuggestedLimit());
      int term = term(approvedTermMonths, application.getMaxTermMonths());
      application.recordReview(reviewer, limit, term, now);
      boolean fourEyes = limit.compareTo(product.fourEyesThreshold()) > 0;
      if (!fourEyes) {
        application.approve(now);
      }
      audit.record(reviewer, "APPLICATION_APPROVED", "application", applicationId,
          "limit " + limit.toPlainString() + ", term " + term + (fourEyes ? ", second approval required" : ""));
      return new ReviewResult(APPROVE, fourEyes, null);
    }
    if (DECLINE.equals(decision)) {
      DeclineReason reason = staffReason(declineReason);
      application.recordReview(reviewer, null, 0, now);
      audit.record(reviewer, "APPLICATION_DECLINED", "application", applicationId, reason.name());
      return new ReviewResult(DECLINE, false, reason.name());
    }
    if (REQUEST_DOCUMENTS.equals(decision)) {
      if (documentsRequested == null || documentsRequested.isBlank()) {
        throw new ApprovalRuleViolation("Say which documents the applicant must provide.");
      }
      application.recordDocumentsRequested(reviewer, documentsRequested.strip(), now);
      audit.record(reviewer, "DOCUMENTS_REQUESTED", "application", applicationId, documentsRequested.strip());
      return new ReviewResult(REQUEST_DOCUMENTS, false, null);
    }
    throw new ApprovalRuleViolation("Choose a decision: " + APPROVE + ", " + DECLINE + " or " + REQUEST_DOCUMENTS
        + ".");
  }

  /** A credit manager's second approval: never by the person who gave the first. */
  @Transactional
  public ReviewResult secondApproval(String applicationId, String approver, String decision, String declineReason) {
    LoanApplication application = get(applicationId);
    if (approver == null || approver.equals(application.getReviewedBy())) {
      throw new ApprovalRuleViolation("Four eyes: the second approval must be given by a person other than "
          + application.getReviewedBy() + ", who gave the first.");
    }
    if (APPROVE.equals(decision)) {
      application.recordSecondApproval(approver, now());
      application.approve(now());
      audit.record(approver, "APPLICATION_SECOND_APPROVAL", "application", applicationId,
          "limit " + application.getApprovedLimit().toPlainString());
      return new ReviewResult(APPROVE, false, null);
    }
    if (DECLINE.equals(decision)) {
      DeclineReason reason = staffReason(declineReason);
      audit.record(approver, "APPLICATION_DECLINED", "application", applicationId, reason.name());
      return new ReviewResult(DECLINE, false, reason.name());
    }
    throw new ApprovalRuleViolation("Choose a decision: " + APPROVE + " or " + DECLINE + ".");
  }

  /** Tells the applicant which documents to provide (Task_RequestDocuments). */
  @Transactional
  public void requestDocuments(String applicationId) {
    notices.documentsRequested(get(applicationId));
  }

  /** Declines with the given reason first (if any), then the assessment's reasons; tells the customer why. */
  @Transactional
  public void decline(String applicationId, String declineReasonCode) {
    LoanApplication application = get(applicationId);
    List<ReasonCode> reasons = new ArrayList<>();
    if (declineReasonCode != null) {
      reasons.add(DeclineReason.valueOf(declineReasonCode).reason());
    }
    application.getReasons().stream()
        .filter(reason -> reasons.stream().noneMatch(r -> r.code().equals(reason.code())))
        .limit(4L - reasons.size())
        .forEach(reasons::add);
    application.decline(reasons, declineReasonCode == null ? "DECLINED" : declineReasonCode, now());
    notices.declined(application);
  }

  private BigDecimal limit(Number approved, BigDecimal suggested) {
    if (approved == null) {
      throw new ApprovalRuleViolation("Enter the approved limit.");
    }
    BigDecimal limit = new BigDecimal(approved.toString());
    if (limit.scale() > 2) {
      throw new ApprovalRuleViolation("The approved limit has at most two decimals.");
    }
    if (limit.compareTo(product.minAmount()) < 0) {
      throw new ApprovalRuleViolation("The approved limit must be at least " + money(product.minAmount()) + ".");
    }
    if (limit.compareTo(suggested) > 0) {
      throw new ApprovalRuleViolation("The approved limit " + money(limit) + " is above the suggested limit "
          + money(suggested) + " that the credit matrix allows; it can only be lowered.");
    }
    return limit.setScale(2, RoundingMode.UNNECESSARY);
  }

  private int term(Number approved, int maxTerm) {
    if (approved == null) {
      throw new ApprovalRuleViolation("Enter the approved term.");
    }
    int term = approved.intValue();
    if (approved.doubleValue() != term || !product.terms().contains(term)) {
      throw new ApprovalRuleViolation("The term must be one of " + product.terms() + " months.");
    }
    if (term > maxTerm) {
      throw new ApprovalRuleViolation("The term " + term + " months is above the maximum of " + maxTerm
          + " months for this grade; it can only be shortened.");
    }
    return term;
  }

  private static DeclineReason staffReason(String code) {
    try {
      DeclineReason reason = DeclineReason.valueOf(code == null ? "" : code);
      if (reason.isForStaff()) {
        return reason;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message below
    }
    throw new ApprovalRuleViolation("Choose a decline reason.");
  }

  private String money(BigDecimal amount) {
    return amount == null ? "" : product.currency() + " " + String.format("%,.2f", amount);
  }

  private LoanApplication get(String applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
