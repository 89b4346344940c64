package io.creditflow.cob;

import io.creditflow.common.web.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cob-runs}: start the close of business for a date, and follow runs with their steps. */
@RestController
@RequestMapping("/api/cob-runs")
@Tag(name = "Close of business")
class CobRunController {

  private static final String STARTERS = "hasAnyAuthority('risk-managers', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('risk-managers', 'camunda-admin', 'compliance')";
  private static final int MAX_ERRORS_SHOWN = 200;

  record StartRequest(@NotNull LocalDate businessDate) {}

  record Started(String runId, LocalDate businessDate, CobRunStatus status, String processInstanceId) {}

  record StepView(CobStepName step, CobStepStatus status, int processed, int failed, int skipped, int chunks,
      long durationMs, String lastError, OffsetDateTime startedAt, OffsetDateTime finishedAt) {}

  record LoanErrorView(CobStepName step, String loanNumber, String message, OffsetDateTime occurredAt) {}

  record RunView(String runId, LocalDate businessDate, LocalDate targetDate, CobRunStatus status, String triggeredBy,
      String processInstanceId, OffsetDateTime startedAt, OffsetDateTime finishedAt, List<StepView> steps,
      List<LoanErrorView> loanErrors) {}

  private final CobRunService service;
  private final ZoneId zone;

  CobRunController(CobRunService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @PostMapping
  @PreAuthorize(STARTERS)
  @Operation(summary = "Start the close of business for a business date (missed earlier dates are closed first)")
  ResponseEntity<Started> start(@Valid @RequestBody StartRequest request, Principal principal) {
    CobRun run;
    try {
      run = service.start(request.businessDate(), principal.getName());
    } catch (DataIntegrityViolationException race) {
      throw new ConflictException("The close of business for " + request.businessDate()
          + " was started at the same moment by someone else.");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/cob-runs/" + run.getId()))
        .body(new Started(run.getId(), run.getBusinessDate(), run.getStatus(), run.getProcessInstanceId()));
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Runs, latest business date first, with per-step counts, durations and errors")
  List<RunView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return service.list(limit).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "One run with its steps and the loans it recorded and skipped")
  RunView get(@PathVariable String id) {
    return view(service.get(id, MAX_ERRORS_SHOWN));
  }

  private RunView view(CobRunService.RunDetails details) {
    CobRun run = details.run();
    List<StepView> steps = details.steps().stream().map(step -> new StepView(step.getStep(), step.getStatus(),
        step.getProcessed(), step.getFailed(), step.getSkipped(), step.getChunks(), step.getDurationMs(),
        step.getLastError(), time(step.getStartedAt()), time(step.getFinishedAt()))).toList();
    List<LoanErrorView> errors = details.loanErrors() == null ? null : details.loanErrors().stream()
        .map(error -> new LoanErrorView(error.getStep(), error.getLoanNumber(), error.getMessage(),
            time(error.getOccurredAt()))).toList();
    return new RunView(run.getId(), run.getBusinessDate(), run.getTargetDate(), run.getStatus(),
        run.getTriggeredBy(), run.getProcessInstanceId(), time(run.getStartedAt()), time(run.getFinishedAt()), steps,
        errors);
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
