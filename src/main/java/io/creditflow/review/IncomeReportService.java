package io.creditflow.review;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income reported after origination (mobile app, employer, payroll, bureau): stored once per report reference,
 * compared with the customer's previous figure, and, when it dropped by at least
 * {@code creditflow.review.income-drop-warning}, an early-warning review for each open loan of the customer at once
 * ({@link EarlyWarningService#raiseIfSignalled}; the close of business also sees the signal at the next review).
 *
 * <p>Previous figure: the customer's latest report effective on or before this one's date, else the monthly income
 * declared on the latest disbursed application. A figure in another currency is not compared (no drop, no ratio).
 */
@Service
public class IncomeReportService {

  private static final Logger log = LoggerFactory.getLogger(IncomeReportService.class);

  /** A report as received. */
  public record NewReport(String reportReference, BigDecimal monthlyIncome, String currency, IncomeSource source,
      LocalDate effectiveDate) {}

  /** The stored report; {@code created} false for a repeat of the same reference. */
  public record Recorded(IncomeReport report, boolean created, List<String> earlyWarningsRaised) {}

  private final IncomeReportRepository reports;
  private final CustomerRepository customers;
  private final LoanRepository loans;
  private final EarlyWarningService warnings;
  private final ReviewProperties properties;
  private final Clock clock;

  IncomeReportService(IncomeReportRepository reports, CustomerRepository customers, LoanRepository loans,
      EarlyWarningService warnings, ReviewProperties properties, Clock clock) {
    this.reports = reports;
    this.customers = customers;
    this.loans = loans;
    this.warnings = warnings;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Records the report. Same reference and same figures again: the stored report, nothing else happens; same
   * reference, other figures: 409. Unknown customer: 404; an effective date after today: 400.
   */
  @Transactional
  public Recorded report(String customerId, NewReport report, String reportedBy) {
    Optional<IncomeReport> existing = reports.findByReportReference(report.reportReference());
    if (existing.isPresent()) {
      if (!existing.get().sameAs(customerId, report.monthlyIncome(), report.currency(), report.source(),
          report.effectiveDate())) {
        throw new ConflictException("Income report " + report.reportReference()
            + " was already received with other figures.");
      }
      return new Recorded(existing.get(), false, List.of());
    }
    if (!customers.existsById(customerId)) {
      throw new NotFoundException("No customer " + customerId + ".");
    }
    LocalDate today = LocalDate.now(clock);
    if (report.effectiveDate().isAfter(today)) {
      throw new InvalidRequestException(List.of(new FieldProblem("effectiveDate", "must not be after " + today)));
    }
    BigDecimal income = report.monthlyIncome().setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal baseline = baseline(customerId, report.currency(), report.effectiveDate());
    BigDecimal ratio = baseline == null || baseline.signum() <= 0 ? null
        : income.subtract(baseline).divide(baseline, 4, RoundingMode.HALF_EVEN);
    boolean drop = ratio != null && ratio.negate().compareTo(properties.incomeDropWarning()) >= 0;
    IncomeReport stored = reports.saveAndFlush(new IncomeReport(report.reportReference(), customerId, income,
        report.currency(), report.source(), report.effectiveDate(), baseline, ratio, drop, reportedBy,
        clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    List<String> raised = new ArrayList<>();
    if (drop) {
      for (Loan loan : loans.findByCustomerIdOrderByCreatedAtAsc(customerId)) {
        if (!BehaviourScoreService.FINISHED.contains(loan.getStatus())
            && warnings.raiseIfSignalled(loan.getLoanNumber(), today)) {
          raised.add(loan.getLoanNumber());
        }
      }
      log.info("Income report {} of customer {}: drop of {} against the previous figure; early warnings for {}",
          stored.getId(), customerId, ratio.negate(), raised);
    }
    return new Recorded(stored, true, raised);
  }

  /** The customer's reports, newest effective date first (at most {@code limit}). */
  @Transactional(readOnly = true)
  public List<IncomeReport> reports(String customerId, int limit) {
    if (!customers.existsById(customerId)) {
      throw new NotFoundException("No customer " + customerId + ".");
    }
    return reports.findByCustomerIdOrderByEffectiveDateDescReceivedAtDesc(customerId, Limit.of(limit));
  }

  private BigDecimal baseline(String customerId, String currency, LocalDate effectiveDate) {
    Optional<IncomeReport> previous = reports
        .findFirstByCustomerIdAndEffectiveDateLessThanEqualOrderByEffectiveDateDescReceivedAtDesc(customerId,
            effectiveDate);
    if (previous.isPresent()) {
      return previous.get().getCurrency().equals(currency) ? previous.get().getMonthlyIncome() : null;
    }
    return reports.declaredIncome(customerId, Limit.of(1)).stream()
        .filter(row -> currency.equals(row[1]))
        .map(row -> (BigDecimal) row[0])
        .findFirst().orElse(null);
  }
}
