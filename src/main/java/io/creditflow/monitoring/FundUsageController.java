package io.creditflow.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/loans/{loanNumber}/fund-usage}: uses of loan funds reported by the payment network. */
@RestController
@Tag(name = "Fund usage")
class FundUsageController {

  static final String REPORTERS = "hasAnyAuthority('api-clients', 'camunda-admin')";

  record FundUsageRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
          message = "may contain letters, digits and . _ : - only") String reportReference,
      @NotNull MerchantCategory merchantCategory,
      @NotBlank @Size(max = 100) String counterparty,
      @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
      @NotNull OffsetDateTime occurredAt) {}

  record FundUsageBody(String reportReference, String loanNumber, MerchantCategory merchantCategory,
      BigDecimal amount, OffsetDateTime occurredAt, FundUsageClassification classification, String reasonCode,
      String investigationProcessInstanceId) {}

  private final FundUsageService service;
  private final ZoneId zone;

  FundUsageController(FundUsageService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @PostMapping("/api/loans/{loanNumber}/fund-usage")
  @PreAuthorize(REPORTERS)
  @Operation(summary = "Report a use of loan funds (idempotent by reportReference): 201 with the classification, "
      + "200 on a repeat; PROHIBITED or SUSPICIOUS starts fundUsageInvestigation")
  ResponseEntity<FundUsageBody> report(@PathVariable String loanNumber, @Valid @RequestBody FundUsageRequest request,
      Principal principal) {
    FundUsageResult result = service.report(loanNumber, new FundUsageCommand(request.reportReference(),
        request.merchantCategory(), request.counterparty(), request.amount(), request.occurredAt().toInstant()),
        principal.getName());
    FundUsageReport r = result.report();
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new FundUsageBody(r.getReportReference(), r.getLoanNumber(), r.getMerchantCategory(), r.getAmount(),
            OffsetDateTime.ofInstant(r.getOccurredAt(), zone), r.getClassification(), r.getReasonCode(),
            r.getInvestigationId()));
  }
}
