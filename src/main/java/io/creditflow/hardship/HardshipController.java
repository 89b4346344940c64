package io.creditflow.hardship;

import io.creditflow.common.web.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

/** Hardship requests: a channel asks for relief on a loan; staff and channels follow the request. */
@RestController
@RequestMapping("/api")
@Tag(name = "Hardship")
class HardshipController {

  private static final String CHANNELS = "hasAnyAuthority('api-clients', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'credit-officers',"
      + " 'credit-managers', 'collectors', 'risk-managers', 'compliance')";

  record HardshipRequestBody(
      @NotNull HardshipReason reason,
      @Size(max = 500) String note,
      @NotNull @Min(1) @Max(24) Integer requestedExtensionMonths,
      @Positive @Digits(integer = 13, fraction = 2) BigDecimal proposedInstalment) {}

  record Created(String requestId, HardshipStatus status, String processInstanceId) {}

  record OptionView(int extensionMonths, int newRemainingMonths, BigDecimal newInstalment) {}

  record OptionsView(BigDecimal currentInstalment, int remainingMonths, OptionView termExtension,
      boolean reducedInstalmentPossible, OptionView reducedInstalment, OffsetDateTime computedAt) {}

  record DecisionView(HardshipDecision chosenOption, HardshipDeclineReason declineReason, Integer newRemainingMonths,
      BigDecimal newInstalment, String decidedBy, OffsetDateTime decidedAt) {}

  record HardshipView(String requestId, String loanNumber, HardshipReason reason, String note,
      int requestedExtensionMonths, BigDecimal proposedInstalment, HardshipStatus status, String processInstanceId,
      OffsetDateTime requestedAt, OptionsView options, DecisionView decision) {}

  private final HardshipService service;
  private final ZoneId zone;

  HardshipController(HardshipService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @PostMapping("/loans/{loanNumber}/hardship-requests")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "Ask for hardship relief on a loan: starts hardshipAssessment (one open request per loan)")
  ResponseEntity<Created> request(@PathVariable String loanNumber, @Valid @RequestBody HardshipRequestBody body,
      Principal principal) {
    HardshipRequest request;
    try {
      request = service.request(loanNumber, new HardshipService.NewRequest(body.reason(), body.note(),
          body.requestedExtensionMonths(), body.proposedInstalment()), principal.getName());
    } catch (DataIntegrityViolationException race) {
      throw new ConflictException("Loan " + loanNumber + " got another hardship request at the same moment.");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/hardship-requests/" + request.getId()))
        .body(new Created(request.getId(), request.getStatus(), request.getProcessInstanceId()));
  }

  @GetMapping("/hardship-requests/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A hardship request: status, the options computed, the decision")
  HardshipView get(@PathVariable String id) {
    HardshipRequest r = service.get(id);
    OptionsView options = r.getOptionsAt() == null ? null : new OptionsView(r.getCurrentInstalment(),
        r.getRemainingMonths(), new OptionView(r.getExtensionMonths(), r.getRemainingMonths() + r.getExtensionMonths(),
        r.getExtensionInstalment()), r.getReducedExtensionMonths() != null,
        r.getReducedExtensionMonths() == null ? null : new OptionView(r.getReducedExtensionMonths(),
            r.getRemainingMonths() + r.getReducedExtensionMonths(), r.getReducedInstalment()),
        time(r.getOptionsAt()));
    DecisionView decision = r.getChosenOption() == null ? null : new DecisionView(r.getChosenOption(),
        r.getDeclineReason(), r.getNewRemainingMonths(), r.getNewInstalment(), r.getDecidedBy(),
        time(r.getDecidedAt()));
    return new HardshipView(r.getId(), r.getLoanNumber(), r.getReason(), r.getNote(), r.getRequestedExtensionMonths(),
        r.getProposedInstalment(), r.getStatus(), r.getProcessInstanceId(), time(r.getRequestedAt()), options,
        decision);
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
