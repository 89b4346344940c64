package io.creditflow.origination;

import io.creditflow.common.web.ApiExceptionHandler;
import io.creditflow.common.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** {@code /api/applications}: loan applications for channels (mobile app, web, branch, partners). */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "Applications")
class ApplicationController {

  private static final String CHANNELS = "hasAnyAuthority('api-clients', 'camunda-admin')";
  private static final String READERS =
      "hasAnyAuthority('api-clients', 'camunda-admin', 'credit-officers', 'credit-managers', 'risk-managers', 'compliance')";

  record ApplicationRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
          message = "may contain letters, digits and . _ : - only") String externalReference,
      @NotNull Channel channel,
      @Size(max = 32) @Pattern(regexp = "[A-Z0-9-]+", message = "must be upper-case letters, digits and -")
      String campaignCode,
      @NotNull @Valid ApplicantRequest applicant,
      @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal requestedAmount,
      @NotNull Integer termMonths,
      @NotNull LoanPurpose purpose) {

    ApplicationService.NewApplication toCommand() {
      return new ApplicationService.NewApplication(externalReference, channel, campaignCode, applicant.toCommand(),
          requestedAmount, termMonths, purpose);
    }
  }

  record ApplicantRequest(
      @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain letters, digits and -")
      String nationalId,
      @NotBlank @Size(max = 100) String fullName,
      @NotNull LocalDate dateOfBirth,
      @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{7,14}", message = "must be an international number, e.g. +8613800138000")
      String mobile,
      @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,
      @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal monthlyIncome,
      @NotNull @Min(0) @Max(720) Integer employmentMonths,
      @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal monthlyDebtPayments,
      @NotNull @Min(0) @Max(20) Integer dependants,
      @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String preferredLanguage) {

    ApplicationService.Applicant toCommand() {
      return new ApplicationService.Applicant(nationalId, fullName, dateOfBirth, mobile, email, monthlyIncome,
          employmentMonths, monthlyDebtPayments, dependants, preferredLanguage);
    }
  }

  record AcceptanceRequest(@NotNull Boolean accepted) {}

  record DocumentRequest(
      @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z_]+", message = "must be an upper-case type, e.g. PAYSLIP")
      String type,
      @NotBlank @Size(max = 200) String reference) {}

  record DocumentsRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull DocumentRequest> documents) {}

  record Created(String applicationId, ApplicationStatus status, String processInstanceId) {}

  record DecisionView(DecisionOutcome outcome, Integer score, Integer maxScore, String grade,
      List<ReasonCode> reasons, OffsetDateTime decidedAt) {}

  record OfferView(BigDecimal creditLimit, BigDecimal amount, int termMonths, BigDecimal annualRate,
      int interestFreeMonths, BigDecimal monthlyInstalment, String currency, List<Promotion> promotions,
      OffsetDateTime expiresAt) {}

  record DocumentView(String type, String reference, OffsetDateTime receivedAt) {}

  record ApplicationView(String applicationId, String externalReference, ApplicationStatus status,
      String processInstanceId, Channel channel, String campaignCode, BigDecimal requestedAmount, int termMonths,
      LoanPurpose purpose, String currency, DecisionView decision, OfferView offer, String documentsRequested,
      List<DocumentView> documents, String loanNumber, String closedReason, OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** The longest a read waits on a status; below the usual 30 s of proxies and of Tomcat's async time-out. */
  static final int MAX_WAIT_SECONDS = 25;

  private final ApplicationService service;
  private final ApplicationStatusWatch watch;
  private final ZoneId zone;

  ApplicationController(ApplicationService service, ApplicationStatusWatch watch, java.time.Clock clock) {
    this.service = service;
    this.watch = watch;
    this.zone = clock.getZone();
  }

  @PostMapping
  @PreAuthorize(CHANNELS)
  @Operation(summary = "Submit a loan application (idempotent by externalReference)")
  ResponseEntity<Created> submit(@Valid @RequestBody ApplicationRequest request, Principal principal) {
    ApplicationService.Submission submission = service.submit(request.toCommand(), principal.getName());
    LoanApplication application = submission.application();
    Created body = new Created(application.getId(), application.getStatus(), application.getProcessInstanceId());
    if (!submission.created()) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/applications/" + application.getId()))
        .body(body);
  }

  @GetMapping(value = "/{id}", params = "!whileStatus")
  @PreAuthorize(READERS)
  @Operation(summary = "An application: status, decision with reasons, offer, loan number")
  ApplicationView get(@PathVariable String id,
      @Parameter(description = "only with whileStatus") @RequestParam(required = false) String waitSeconds) {
    if (waitSeconds != null) {
      throw new InvalidRequestException(List.of(new ApiExceptionHandler.FieldProblem("waitSeconds",
          "waits only together with whileStatus, the status to wait out")));
    }
    return view(service.get(id));
  }

  /**
   * Long polling: answers as soon as the application's status is no longer {@code whileStatus}, or after
   * {@code waitSeconds} with the application as it then is. A channel that submitted an application reads it with
   * {@code whileStatus=RECEIVED} and learns the decision with one request; after accepting, {@code whileStatus=ACCEPTED}
   * until the loan is disbursed. The servlet thread is not held while the read waits.
   */
  @GetMapping(value = "/{id}", params = "whileStatus")
  @PreAuthorize(READERS)
  @Operation(summary = "An application, once its status is no longer whileStatus (waits up to waitSeconds)")
  DeferredResult<ApplicationView> getOnceChanged(@PathVariable String id,
      @Parameter(description = "the status to wait out, usually the one the client saw last")
      @RequestParam ApplicationStatus whileStatus,
      @Parameter(description = "how long to wait at most, 1 to 25 s")
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_WAIT_SECONDS) int waitSeconds) {
    LoanApplication now = service.get(id);
    // the container's own time-out only in case the watch does not answer (it answers at waitSeconds)
    DeferredResult<ApplicationView> result = new DeferredResult<>((waitSeconds + 10) * 1000L);
    if (now.getStatus() != whileStatus) {
      result.setResult(view(now));
      return result;
    }
    // Busy (503) when the node holds as many waiting reads as it may
    ApplicationStatusWatch.Waiter waiter =
        watch.await(id, whileStatus, Duration.ofSeconds(waitSeconds), () -> answer(id, result));
    result.onTimeout(() -> answer(id, result));
    result.onCompletion(() -> watch.cancel(waiter));
    return result;
  }

  private void answer(String id, DeferredResult<ApplicationView> result) {
    if (result.isSetOrExpired()) {
      return;
    }
    try {
      result.setResult(view(service.get(id)));
    } catch (RuntimeException e) {
      result.setErrorResult(e);
    }
  }

  @PostMapping("/{id}/acceptance")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "The customer's answer to the offer")
  ApplicationView accept(@PathVariable String id, @Valid @RequestBody AcceptanceRequest request, Principal principal) {
    return view(service.answerOffer(id, request.accepted(), principal.getName()));
  }

  @PostMapping("/{id}/documents")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "Documents the applicant uploaded (metadata), answering a request for documents")
  ApplicationView documents(@PathVariable String id, @Valid @RequestBody DocumentsRequest request,
      Principal principal) {
    return view(service.submitDocuments(id, request.documents().stream()
        .map(document -> new ApplicationService.Document(document.type(), document.reference())).toList(),
        principal.getName()));
  }

  private ApplicationView view(LoanApplication a) {
    DecisionView decision = a.getOutcome() == null ? null : new DecisionView(a.getOutcome(), a.getScore(),
        a.getMaxScore(), a.getRiskGrade(), a.getReasons(), time(a.getDecidedAt()));
    OfferView offer = a.getOfferLimit() == null ? null : new OfferView(a.getOfferLimit(), a.getOfferAmount(),
        a.getOfferTermMonths(), a.getOfferAnnualRate(), a.getOfferInterestFreeMonths(), a.getOfferInstalment(),
        a.getCurrency(), a.getOfferPromotions(), time(a.getOfferExpiresAt()));
    List<DocumentView> documents = service.documentsOf(a.getId()).stream()
        .map(d -> new DocumentView(d.getDocumentType(), d.getFileReference(), time(d.getReceivedAt()))).toList();
    return new ApplicationView(a.getId(), a.getExternalReference(), a.getStatus(), a.getProcessInstanceId(),
        a.getChannel(), a.getCampaignCode(), a.getRequestedAmount(), a.getTermMonths(), a.getPurpose(),
        a.getCurrency(), decision, offer, a.getDocumentsRequested(), documents, a.getLoanNumber(),
        a.getClosedReason(), time(a.getCreatedAt()), time(a.getUpdatedAt()));
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
