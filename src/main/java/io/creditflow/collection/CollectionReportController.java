package io.creditflow.collection;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/collections}: cure rate, costs, promises, roll rates and deferred contacts of a period. */
@RestController
@Tag(name = "Reports")
class CollectionReportController {

  static final int MAX_DAYS = 366;

  private final CollectionReportService reports;
  private final Clock clock;

  CollectionReportController(CollectionReportService reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/api/reports/collections")
  @PreAuthorize("hasAnyAuthority('risk-managers', 'senior-collectors', 'compliance', 'camunda-admin')")
  @Operation(summary = "Collection figures of the business dates from..to (both included, at most 366 days):"
      + " cases and cure rate, action costs and cost per cured loan, promise-kept rate, roll rates between DPD"
      + " buckets, contacts deferred by the contact policy")
  CollectionReport report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidRequestException(List.of(new FieldProblem("to", "must not be before from (" + from + ")")));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new InvalidRequestException(List.of(new FieldProblem("to", "the period is at most " + MAX_DAYS
          + " days")));
    }
    if (from.isAfter(LocalDate.now(clock))) {
      throw new InvalidRequestException(List.of(new FieldProblem("from", "must not be in the future")));
    }
    return reports.report(from, to);
  }
}
