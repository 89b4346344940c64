package io.creditflow.origination;

import io.creditflow.bureau.BureauReport;
import io.creditflow.bureau.CreditBureau;
import io.creditflow.customer.CustomerService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automated credit assessment: bureau report, scorecard, risk grade, decision and the suggested terms. The rules
 * are DMN tables in {@code processes/origination/} ({@code scorecard}, {@code riskGrade}, {@code creditDecision},
 * {@code creditTerms}); this service feeds them and combines their answers:
 * <ul>
 *   <li>score = sum of the scorecard's points; reason codes = the 3–4 characteristics that cost the most points;</li>
 *   <li>debt-to-income = the larger of declared and bureau-reported monthly debt payments / monthly income;</li>
 *   <li>limit = the lowest of the matrix limit, the product maximum and the principal whose annuity over the grade's
 *       maximum term keeps (existing debt + new instalment) / income within the grade's cap, rounded down.</li>
 * </ul>
 */
@Service
public class CreditAssessmentService {

  private static final MathContext MATH = MathContext.DECIMAL64;
  private static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.RECEIVED,
      ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED);
  private static final int MAX_REASONS = 4;
  private static final ReasonCode KO_AFFORDABILITY = new ReasonCode("KO_AFFORDABILITY",
      "A new instalment would take your debt payments beyond what your income supports.");
  private static final ReasonCode KO_DUPLICATE = new ReasonCode("KO_DUPLICATE_APPLICATION",
      "You already have an application in progress with us.");

  /** The result of scoring. */
  public record Score(int score, String grade) {}

  /** The result of the decision, as the process routes on it. */
  public record Decision(DecisionOutcome outcome, boolean reviewRequired, BigDecimal suggestedLimit,
      int maxTermMonths) {}

  private final LoanApplicationRepository applications;
  private final CustomerService customers;
  private final CreditBureau bureau;
  private final DecisionService decisions;
  private final OriginationProperties product;
  private final Clock clock;

  public CreditAssessmentService(LoanApplicationRepository applications, CustomerService customers,
      CreditBureau bureau, DecisionService decisions, OriginationProperties product, Clock clock) {
    this.applications = applications;
    this.customers = customers;
    this.bureau = bureau;
    this.decisions = decisions;
    this.product = product;
    this.clock = clock;
  }

  /**
   * Screening: is another application of this customer still open? A duplicate is declined with a reason (the
   * customer is told about the open one), not silently dropped.
   */
  @Transactional(readOnly = true)
  public boolean isDuplicate(String applicationId) {
    LoanApplication application = get(applicationId);
    return applications.hasEarlierOpenApplication(application.getCustomerId(), application.getId(),
        application.getCreatedAt(), OPEN);
  }

  /** Reason code for a duplicate application. */
  public static ReasonCode duplicateReason() {
    return KO_DUPLICATE;
  }

  /** Asks the bureau (a technical failure throws: the job is retried, then an incident is raised). */
  @Transactional
  public String fetchBureauReport(String applicationId) {
    LoanApplication application = get(applicationId);
    String nationalId = customers.get(application.getCustomerId()).getNationalId();
    BureauReport report = bureau.fetch(nationalId);
    application.recordBureau(report.bureauReference(), JsonColumn.write(report), now());
    return report.bureauReference();
  }

  @Transactional
  public Score score(String applicationId) {
    LoanApplication application = get(applicationId);
    BureauReport report = report(application);
    BigDecimal debtToIncome = debtToIncome(application, report);
    boolean existingCustomer = applications.existsByCustomerIdAndStatus(application.getCustomerId(),
        ApplicationStatus.DISBURSED);

    VariableMap inputs = Variables.createVariables()
        .putValue("bureauScore", report.bureauScore())
        .putValue("thinFile", report.thinFile())
        .putValue("delinquencies12m", report.delinquencies12m())
        .putValue("monthlyIncome", application.getMonthlyIncome().doubleValue())
        .putValue("debtToIncome", debtToIncome.doubleValue())
        .putValue("employmentMonths", application.getEmploymentMonths())
        .putValue("age", application.getAgeAtApplication())
        .putValue("dependants", application.getDependants())
        .putValue("existingCustomer", existingCustomer);
    DmnDecisionResult rows = decisions.evaluateDecisionByKey("scorecard").variables(inputs).evaluate();

    int score = 0;
    int maxScore = 0;
    List<Map.Entry<Integer, ReasonCode>> losses = new ArrayList<>();
    for (DmnDecisionResultEntries row : rows) {
      int points = ((Number) row.getEntry("points")).intValue();
      int maxPoints = ((Number) row.getEntry("maxPoints")).intValue();
      score += points;
      maxScore += maxPoints;
      String code = row.getEntry("reasonCode");
      if (points < maxPoints && code != null && !code.isBlank()) {
        losses.add(Map.entry(maxPoints - points, new ReasonCode(code, row.getEntry("reasonText"))));
      }
    }
    List<ReasonCode> reasons = losses.stream()
        .sorted(Map.Entry.<Integer, ReasonCode>comparingByKey().reversed()
            .thenComparing(entry -> entry.getValue().code()))
        .limit(MAX_REASONS)
        .map(Map.Entry::getValue)
        .toList();

    String grade = decisions.evaluateDecisionByKey("riskGrade")
        .variables(Variables.createVariables().putValue("score", score))
        .evaluate().getSingleResult().getEntry("grade");
    application.recordScore(debtToIncome, score, maxScore, grade, reasons, now());
    return new Score(score, grade);
  }

  @Transactional
  public Decision decide(String applicationId) {
    LoanApplication application = get(applicationId);
    BureauReport report = report(application);
    DmnDecisionResultEntries decision = decisions.evaluateDecisionByKey("creditDecision")
        .variables(Variables.createVariables()
            .putValue("fraudAlert", report.fraudAlert())
            .putValue("bankruptcy", report.bankruptcy())
            .putValue("prohibitedPurpose", application.getPurpose().isProhibited())
            .putValue("debtToIncome", application.getDebtToIncome().doubleValue())
            .putValue("grade", application.getRiskGrade())
            .putValue("thinFile", report.thinFile())
            .putValue("delinquencies12m", report.delinquencies12m()))
        .evaluate().getSingleResult();
    DecisionOutcome outcome = DecisionOutcome.valueOf(decision.getEntry("outcome"));
    ReasonCode decisionReason = new ReasonCode(decision.getEntry("decisionReasonCode"),
        decision.getEntry("decisionReasonText"));

    if (outcome == DecisionOutcome.DECLINE) {
      return record(application, outcome, decisionReason, null);
    }
    SuggestedTerms terms = suggestTerms(application, report);
    if (terms.limit().compareTo(product.minAmount()) < 0 || terms.maxTermMonths() == 0) {
      return record(application, DecisionOutcome.DECLINE, KO_AFFORDABILITY, null);
    }
    return record(application, outcome, outcome == DecisionOutcome.REFER ? decisionReason : null, terms);
  }

  private Decision record(LoanApplication application, DecisionOutcome outcome, ReasonCode decisionReason,
      SuggestedTerms terms) {
    List<ReasonCode> reasons = new ArrayList<>();
    if (decisionReason != null) {
      reasons.add(decisionReason);
    }
    application.getReasons().stream()
        .filter(reason -> decisionReason == null || !reason.code().equals(decisionReason.code()))
        .limit(decisionReason == null ? MAX_REASONS : MAX_REASONS - 1)
        .forEach(reasons::add);
    boolean review = outcome == DecisionOutcome.REFER
        || application.getRequestedAmount().compareTo(product.autoApprovalCeiling()) > 0;
    application.recordDecision(outcome, reasons, terms, review, now());
    return new Decision(outcome, outcome != DecisionOutcome.DECLINE && review,
        terms == null ? BigDecimal.ZERO : terms.limit(), terms == null ? 0 : terms.maxTermMonths());
  }

  private SuggestedTerms suggestTerms(LoanApplication application, BureauReport report) {
    DmnDecisionResultEntries matrix = decisions.evaluateDecisionByKey("creditTerms")
        .variables(Variables.createVariables()
            .putValue("grade", application.getRiskGrade())
            .putValue("monthlyIncome", application.getMonthlyIncome().doubleValue()))
        .evaluate().getSingleResult();
    BigDecimal maxLimit = decimal(matrix.getEntry("maxLimit"));
    int maxTerm = product.longestTermUpTo(((Number) matrix.getEntry("maxTermMonths")).intValue());
    BigDecimal annualRate = decimal(matrix.getEntry("annualRate")).setScale(6, RoundingMode.HALF_UP);
    BigDecimal minAnnualRate = decimal(matrix.getEntry("minAnnualRate")).setScale(6, RoundingMode.HALF_UP);
    BigDecimal maxDebtToIncome = decimal(matrix.getEntry("maxDebtToIncome"));

    BigDecimal capacity = application.getMonthlyIncome().multiply(maxDebtToIncome)
        .subtract(existingDebt(application, report));
    BigDecimal affordable = capacity.signum() <= 0 || maxTerm == 0
        ? BigDecimal.ZERO : presentValue(capacity, annualRate, maxTerm);
    BigDecimal limit = maxLimit.min(product.maxAmount()).min(affordable);
    limit = limit.divide(product.limitStep(), 0, RoundingMode.FLOOR).multiply(product.limitStep())
        .setScale(2, RoundingMode.UNNECESSARY);
    return new SuggestedTerms(limit, maxTerm, annualRate, minAnnualRate);
  }

  /** The principal an annuity of {@code instalment} a month repays in {@code months} at {@code annualRate}. */
  static BigDecimal presentValue(BigDecimal instalment, BigDecimal annualRate, int months) {
    if (annualRate.signum() == 0) {
      return instalment.multiply(BigDecimal.valueOf(months));
    }
    BigDecimal monthly = annualRate.divide(BigDecimal.valueOf(12), MATH);
    BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(monthly).pow(months, MATH),
        MATH));
    return instalment.multiply(discount, MATH).divide(monthly, MATH);
  }

  private static BigDecimal existingDebt(LoanApplication application, BureauReport report) {
    BigDecimal reported = report.reportedMonthlyDebt() == null ? BigDecimal.ZERO : report.reportedMonthlyDebt();
    return application.getMonthlyDebtPayments().max(reported);
  }

  static BigDecimal debtToIncome(LoanApplication application, BureauReport report) {
    return existingDebt(application, report).divide(application.getMonthlyIncome(), 4, RoundingMode.HALF_UP);
  }

  private static BureauReport report(LoanApplication application) {
    return JsonColumn.bureauReport(application.getBureauReport());
  }

  private static BigDecimal decimal(Object value) {
    return new BigDecimal(value.toString());
  }

  private LoanApplication get(String applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
