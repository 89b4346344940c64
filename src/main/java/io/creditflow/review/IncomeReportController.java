package io.creditflow.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Income reported after origination: an early-warning source ({@link IncomeReportService}). */
@RestController
@RequestMapping("/api/customers/{customerId}/income-reports")
@Tag(name = "Income reports")
class IncomeReportController {

  private static final String CHANNELS = "hasAnyAuthority('api-clients', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'credit-officers',"
      + " 'credit-managers', 'risk-managers')";

  record IncomeReportBody(
      @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
          message = "1-64 letters, digits, '.', '_', ':' or '-'") String reportReference,
      @NotNull @Positive @DecimalMax("9999999999999.99") @Digits(integer = 13, fraction = 2) BigDecimal monthlyIncome,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as CNY") String currency,
      @NotNull IncomeSource source,
      @NotNull LocalDate effectiveDate) {}

  record IncomeReportView(String reportId, String reportReference, String customerId, BigDecimal monthlyIncome,
      String currency, IncomeSource source, LocalDate effectiveDate, BigDecimal previousIncome,
      BigDecimal changeRatio, boolean incomeDrop, OffsetDateTime receivedAt, List<String> earlyWarningsRaised) {}

  private final IncomeReportService service;
  private final ZoneId zone;

  IncomeReportController(IncomeReportService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @PostMapping
  @PreAuthorize(CHANNELS)
  @Operation(summary = "Report a customer's current monthly income; a drop of 20 % or more (configurable) against the"
      + " previous figure starts an early-warning review for each open loan. Idempotent by reportReference.")
  ResponseEntity<IncomeReportView> report(@PathVariable String customerId, @Valid @RequestBody IncomeReportBody body,
      Principal principal) {
    IncomeReportService.NewReport report = new IncomeReportService.NewReport(body.reportReference(),
        body.monthlyIncome(), body.currency(), body.source(), body.effectiveDate());
    IncomeReportService.Recorded recorded;
    try {
      recorded = service.report(customerId, report, principal.getName());
    } catch (DataIntegrityViolationException race) {
      // the same reference stored by a concurrent request: answer as for a repeat (or 409 if it differs)
      recorded = service.report(customerId, report, principal.getName());
    }
    IncomeReportView view = view(recorded.report(), recorded.earlyWarningsRaised());
    return recorded.created()
        ? ResponseEntity.created(URI.create("/api/customers/" + customerId + "/income-reports")).body(view)
        : ResponseEntity.status(HttpStatus.OK).body(view);
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The customer's income reports, newest effective date first (at most 100)")
  List<IncomeReportView> list(@PathVariable String customerId) {
    return service.reports(customerId, 100).stream().map(report -> view(report, List.of())).toList();
  }

  private IncomeReportView view(IncomeReport report, List<String> raised) {
    return new IncomeReportView(report.getId(), report.getReportReference(), report.getCustomerId(),
        report.getMonthlyIncome(), report.getCurrency(), report.getSource(), report.getEffectiveDate(),
        report.getBaselineIncome(), report.getChangeRatio(), report.isIncomeDrop(),
        report.getReceivedAt().atZone(zone).toOffsetDateTime(), raised);
  }
}
