package io.creditflow.bureau;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/bureau-reports}: the credit bureau report records of an as-of date range, as JSON or CSV, and their
 * export. Readers and exporters: {@code risk-managers} and {@code api-clients} (also enforced by path in
 * {@code WebSecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/bureau-reports")
@Tag(name = "Credit bureau reports")
class BureauReportController {

  private static final String READERS = "hasAnyAuthority('risk-managers', 'api-clients')";

  record ReportView(String id, LocalDate asOf, String loanNumber, String customerId, BureauReportKind kind,
      String accountStatus, String paymentRating, int daysPastDue, String currency, BigDecimal currentBalance,
      BigDecimal amountPastDue, String note, OffsetDateTime createdAt, BureauReportRecord.ExportStatus exportStatus,
      OffsetDateTime exportedAt, String exportReference) {}

  record ExportRequest(@NotBlank String exportReference, @NotNull LocalDate from, @NotNull LocalDate to) {}

  record ExportView(String exportReference, LocalDate from, LocalDate to, int recordCount, String exportedBy,
      OffsetDateTime exportedAt) {}

  private final BureauReportingService service;
  private final ZoneId zone;

  BureauReportController(BureauReportingService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Bureau report records with an as-of date in [from, to], by as-of date then loan; JSON, or "
      + "CSV with Accept: text/csv or format=csv")
  ResponseEntity<?> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate fromDate = date("from", from, problems);
    LocalDate toDate = date("to", to, problems);
    boolean csv = wantsCsv(format, accept, problems);
    if (fromDate != null && toDate != null) {
      problems.addAll(service.rangeProblems(fromDate, toDate));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<BureauReportRecord> records = service.list(fromDate, toDate);
    if (csv) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present")))
          .header(HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"bureau-reports-" + fromDate + "-" + toDate + ".csv\"")
          .body(BureauReportCsv.write(records, zone));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(records.stream().map(this::view).toList());
  }

  @PostMapping("/exports")
  @PreAuthorize(READERS)
  @Operation(summary = "Mark the PENDING records of an as-of range EXPORTED (idempotent by exportReference)")
  ResponseEntity<ExportView> export(@Valid @RequestBody ExportRequest request, Principal principal) {
    BureauReportingService.ExportResult result = service.export(request.exportReference(), request.from(),
        request.to(), principal.getName());
    ExportView view = new ExportView(result.exportReference(), result.from(), result.to(), result.recordCount(),
        result.exportedBy(), time(result.exportedAt()));
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
  }

  private static LocalDate date(String name, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(name, "is required (yyyy-MM-dd)"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "is not a date (yyyy-MM-dd)"));
      return null;
    }
  }

  /** format=csv or json wins; otherwise the first of text/csv and JSON in the Accept header by quality. */
  private static boolean wantsCsv(String format, String accept, List<FieldProblem> problems) {
    if (format != null) {
      switch (format.toLowerCase(Locale.ROOT)) {
        case "csv":
          return true;
        case "json":
          return false;
        default:
          problems.add(new FieldProblem("format", "must be csv or json"));
          return false;
      }
    }
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep their order
    for (MediaType type : types) {
      if (type.getQualityValue() <= 0) {
        continue;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
        return false;
      }
      if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
        return true;
      }
    }
    return false;
  }

  private ReportView view(BureauReportRecord r) {
    return new ReportView(r.id(), r.asOf(), r.loanNumber(), r.customerId(), r.kind(), r.accountStatus(),
        r.paymentRating(), r.daysPastDue(), r.currency(), r.currentBalance(), r.amountPastDue(), r.note(),
        time(r.createdAt()), r.exportStatus(), time(r.exportedAt()), r.exportReference());
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
