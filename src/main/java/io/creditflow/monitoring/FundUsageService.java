package io.creditflow.monitoring;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives fund-usage reports from the payment network, classifies them with the DMN {@value #DECISION_KEY}
 * (processes/servicing/fund-usage.dmn) and starts {@code fundUsageInvestigation} for PROHIBITED and SUSPICIOUS ones,
 * in the transaction that stores the report.
 *
 * <p>Inputs of the decision: {@code merchantCategory} (code), {@code amountShareOfPrincipal} (amount ÷ the loan's
 * principal, a double) and {@code transfersLast7Days} (TRANSFER reports of the loan that occurred in the 7 days up to
 * and including this one's time, this one included when it is a TRANSFER).
 *
 * <p><b>Idempotent by report reference.</b> The same reference with the same loan, category, counterparty, amount and
 * time answers the stored report ({@code created = false}); with anything different it is a conflict (409). Racing
 * identical deliveries are stopped by the unique reference: one commits, the others re-read it.
 */
@Service
public class FundUsageService {

  public static final String DECISION_KEY = "fundUsageClassification";
  static final Duration TRANSFER_WINDOW = Duration.ofDays(7);
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_COUNTERPARTY = 100;
  private static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(FundUsageService.class);

  private final FundUsageReportRepository reports;
  private final LoanQueries loans;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final TransactionTemplate booking;
  private final TransactionTemplate reading;

  FundUsageService(FundUsageReportRepository reports, LoanQueries loans, DecisionService decisions,
      RuntimeService runtime, AuditTrail auditTrail, Clock clock, PlatformTransactionManager transactionManager) {
    this.reports = reports;
    this.loans = loans;
    this.decisions = decisions;
    this.runtime = runtime;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.booking = new TransactionTemplate(transactionManager);
    this.booking.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading.setReadOnly(true);
  }

  /**
   * Stores and classifies the report, or answers the one stored under the same reference.
   *
   * @throws NotFoundException       no such loan
   * @throws ConflictException       the reference was used for a different report
   * @throws InvalidRequestException malformed fields, a time in the future or before the loan was disbursed
   */
  public FundUsageResult report(String loanNumber, FundUsageCommand command, String receivedBy) {
    checkShape(command);
    for (int attempt = 1; ; attempt++) {
      Optional<FundUsageResult> existing = reading.execute(status -> existing(loanNumber, command));
      if (existing.isPresent()) {
        return existing.get();
      }
      try {
        return booking.execute(status -> book(loanNumber, command, receivedBy));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Fund usage report {} refused by the database (attempt {}): {}; re-reading",
            command.reportReference(), attempt, e.getClass().getSimpleName());
      }
    }
  }

  private Optional<FundUsageResult> existing(String loanNumber, FundUsageCommand command) {
    return reports.findByReportReference(command.reportReference()).map(report -> {
      if (!report.sameAs(loanNumber, command)) {
        throw new ConflictException("Report reference " + command.reportReference()
            + " was already used for a different report.");
      }
      return new FundUsageResult(report, false);
    });
  }

  private FundUsageResult book(String loanNumber, FundUsageCommand command, String receivedBy) {
    Loan loan = loans.loan(loanNumber).orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."))
        .loan();
    Instant now = clock.instant();
    if (command.occurredAt().isBefore(loan.getDisbursedOn().atStartOfDay(clock.getZone()).toInstant())) {
      throw invalid("occurredAt", "must not be before the loan was disbursed (" + loan.getDisbursedOn() + ")");
    }
    Instant occurredAt = command.occurredAt().truncatedTo(ChronoUnit.SECONDS);
    long transfers = reports.countByLoanNumberAndMerchantCategoryAndOccurredAtGreaterThanAndOccurredAtLessThanEqual(
        loanNumber, MerchantCategory.TRANSFER, occurredAt.minus(TRANSFER_WINDOW), occurredAt)
        + (command.merchantCategory() == MerchantCategory.TRANSFER ? 1 : 0);
    double share = command.amount().divide(loan.getPrincipal(), MathContext.DECIMAL64).doubleValue();
    DmnDecisionResultEntries decision = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("merchantCategory", command.merchantCategory().name())
            .putValue("amountShareOfPrincipal", share)
            .putValue("transfersLast7Days", (int) transfers))
        .evaluate().getSingleResult();
    FundUsageClassification classification = FundUsageClassification.valueOf(decision.getEntry("classification"));
    String reasonCode = decision.getEntry("reasonCode");

    FundUsageReport report = new FundUsageReport(command, loanNumber, classification, reasonCode, receivedBy, now);
    // first write: a concurrent delivery of the same reference stops here, on the unique key
    reports.saveAndFlush(report);
    if (classification.needsInvestigation()) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(FundUsageInvestigation.LOAN_NUMBER, loanNumber);
      variables.put(FundUsageInvestigation.REPORT_ID, report.getId());
      variables.put(FundUsageInvestigation.CLASSIFICATION, classification.name());
      variables.put(FundUsageInvestigation.REASON_CODE, reasonCode);
      variables.put(FundUsageInvestigation.MERCHANT_CATEGORY, command.merchantCategory().name());
      variables.put(FundUsageInvestigation.AMOUNT, report.getAmount().toPlainString());
      variables.put(FundUsageInvestigation.CURRENCY, loan.getCurrency());
      String processInstanceId = runtime.startProcessInstanceByKey(FundUsageInvestigation.PROCESS_KEY,
          command.reportReference(), variables).getId();
      report.investigatedBy(processInstanceId);
      reports.flush();
    }
    auditTrail.record(receivedBy, "FUND_USAGE_REPORTED", "loan", loanNumber, "report " + command.reportReference()
        + " " + command.merchantCategory() + " " + report.getAmount().toPlainString() + " " + loan.getCurrency()
        + ": " + classification + " " + reasonCode);
    log.info("Fund usage report {} on loan {}: {} {}", command.reportReference(), loanNumber, classification,
        reasonCode);
    return new FundUsageResult(report, true);
  }

  /** Field shape, whoever calls (the REST layer checks the same with Bean Validation first). */
  private void checkShape(FundUsageCommand command) {
    if (command == null) {
      throw new InvalidRequestException(List.of(new FieldProblem("report", "is required")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (command.reportReference() == null || !REFERENCE.matcher(command.reportReference()).matches()) {
      problems.add(new FieldProblem("reportReference", "must be 1 to 64 letters, digits and . _ : -"));
    }
    if (command.merchantCategory() == null) {
      problems.add(new FieldProblem("merchantCategory", "is required"));
    }
    String counterparty = command.counterparty();
    if (counterparty == null || counterparty.isBlank() || counterparty.length() > MAX_COUNTERPARTY) {
      problems.add(new FieldProblem("counterparty", "must be 1 to " + MAX_COUNTERPARTY + " characters"));
    }
    BigDecimal amount = command.amount();
    if (amount == null || amount.signum() <= 0) {
      problems.add(new FieldProblem("amount", "must be positive"));
    } else if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
      problems.add(new FieldProblem("amount", "must be whole cents, at most 17 whole digits"));
    }
    if (command.occurredAt() == null) {
      problems.add(new FieldProblem("occurredAt", "is required"));
    } else if (command.occurredAt().isAfter(clock.instant())) {
      problems.add(new FieldProblem("occurredAt", "must not be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }
}
