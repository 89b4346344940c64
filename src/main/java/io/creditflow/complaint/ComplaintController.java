package io.creditflow.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Complaints: channels file them and pass on the customer's feedback; staff follow them; managers read the report. */
@RestController
@RequestMapping("/api")
@Tag(name = "Complaints")
class ComplaintController {

  private static final String CHANNELS = "hasAnyAuthority('api-clients', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'complaint-handlers',"
      + " 'complaint-managers', 'compliance')";
  private static final String REPORT_READERS = "hasAnyAuthority('camunda-admin', 'complaint-managers', 'compliance')";

  record ComplaintRequest(
      @NotBlank @Size(max = 64) String externalReference,
      @Size(max = 64) String customerNationalId,
      @Size(max = 14) String loanNumber,
      @NotNull ComplaintChannel channel,
      ComplaintCategory category,
      ComplaintSeverity severity,
      Boolean disputesDebt,
      @NotBlank @Size(max = ComplaintService.MAX_DESCRIPTION) String description,
      @NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String preferredLanguage) {}

  record Created(String complaintId, ComplaintStatus status, OffsetDateTime dueBy) {}

  record FeedbackRequest(@NotNull Boolean satisfied, @Size(max = 1000) String comment) {}

  record DeadlinesView(String jurisdiction, OffsetDateTime acknowledgeBy, OffsetDateTime summaryResolutionBy,
      OffsetDateTime inProgressBy, OffsetDateTime dueBy, boolean extended, OffsetDateTime breachedAt) {}

  record ResolutionView(ComplaintOutcome outcome, Set<ComplaintRemedy> remedies, BigDecimal refundAmount,
      boolean summaryResolution, String resolvedBy, OffsetDateTime resolvedAt, OffsetDateTime respondedAt,
      Boolean respondedInTime, ComplaintOutcome secondLevelOutcome, OffsetDateTime secondLevelAt) {}

  record FeedbackView(OffsetDateTime feedbackUntil, Boolean satisfied, OffsetDateTime receivedAt) {}

  record EventView(OffsetDateTime at, String kind, String actor, String detail) {}

  record ComplaintView(String complaintId, String externalReference, ComplaintStatus status, String loanNumber,
      ComplaintChannel channel, ComplaintCategory category, String categorySource, ComplaintSeverity severity,
      boolean disputesDebt, String handlingGroup, boolean collectionHold, String processInstanceId,
      OffsetDateTime receivedAt, OffsetDateTime acknowledgedAt, DeadlinesView deadlines, ResolutionView outcome,
      FeedbackView feedback, OffsetDateTime closedAt, String closeReason, List<EventView> history) {}

  private final ComplaintService service;
  private final ComplaintReport report;
  private final ZoneId zone;

  ComplaintController(ComplaintService service, ComplaintReport report, Clock clock) {
    this.service = service;
    this.report = report;
    this.zone = clock.getZone();
  }

  @PostMapping("/complaints")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "File a complaint (idempotent by externalReference): starts complaintResolution")
  ResponseEntity<Created> submit(@Valid @RequestBody ComplaintRequest body, Principal principal) {
    ComplaintService.Intake intake = new ComplaintService.Intake(body.externalReference().strip(),
        blankToNull(body.customerNationalId()), blankToNull(body.loanNumber()), body.channel(), body.category(),
        body.severity() == null ? ComplaintSeverity.MEDIUM : body.severity(),
        Boolean.TRUE.equals(body.disputesDebt()), body.description(), body.preferredLanguage());
    ComplaintService.Submission submission;
    try {
      submission = service.submit(intake, principal.getName());
    } catch (DataIntegrityViolationException race) {
      submission = service.submit(intake, principal.getName());
    }
    Complaint c = submission.complaint();
    Created created = new Created(c.getId(), c.getStatus(), time(c.getDueBy()));
    if (!submission.created()) {
      return ResponseEntity.ok(created);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/complaints/" + c.getId()))
        .body(created);
  }

  @GetMapping("/complaints/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A complaint: status, handling group, deadlines, outcome and history (no description)")
  ComplaintView get(@PathVariable String id) {
    return view(service.get(id));
  }

  @PostMapping("/complaints/{id}/feedback")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "The customer's feedback on the final response, within the feedback window")
  ComplaintView feedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest body, Principal principal) {
    String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
    service.feedback(id, body.satisfied(), comment, principal.getName());
    return view(service.get(id));
  }

  @GetMapping("/reports/complaints")
  @PreAuthorize(REPORT_READERS)
  @Operation(summary = "Deadline compliance, average days to respond, upheld rate by category, for complaints"
      + " received between from and to (business dates, both included; default: the last 90 days)")
  ComplaintReport.Report report(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return report.of(from, to);
  }

  private ComplaintView view(Complaint c) {
    DeadlinesView deadlines = new DeadlinesView(c.getJurisdiction().name(), time(c.getAcknowledgeBy()),
        time(c.getSummaryBy()), time(c.getInProgressBy()), time(c.getDueBy()), c.isExtended(),
        time(c.getBreachedAt()));
    ResolutionView outcome = c.getOutcome() == null ? null : new ResolutionView(c.getOutcome(), c.remedySet(),
        c.getRefundAmount(), c.isSummaryResolution(), c.getResolvedBy(), time(c.getResolvedAt()),
        time(c.getRespondedAt()), c.respondedInTime(), c.getSecondLevelOutcome(), time(c.getSecondLevelAt()));
    FeedbackView feedback = c.getFeedbackUntil() == null ? null
        : new FeedbackView(time(c.getFeedbackUntil()), c.getFeedbackSatisfied(), time(c.getFeedbackAt()));
    List<EventView> history = service.history(c.getId()).stream()
        .map(e -> new EventView(time(e.getOccurredAt()), e.getKind(), e.getActor(), e.getDetail())).toList();
    return new ComplaintView(c.getId(), c.getExternalReference(), c.getStatus(), c.getLoanNumber(), c.getChannel(),
        c.getCategory(), c.getCategorySource(), c.getSeverity(), c.isDisputesDebt(), c.getHandlingGroup(),
        c.isCollectionHold(), c.getProcessInstanceId(), time(c.getReceivedAt()), time(c.getAcknowledgedAt()),
        deadlines, outcome, feedback, time(c.getClosedAt()), c.getCloseReason(), history);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
