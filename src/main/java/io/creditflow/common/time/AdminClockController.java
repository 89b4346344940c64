package io.creditflow.common.time;

import io.creditflow.common.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/clock}: moves the engine clock in the embedded default (camunda-admin only; see the security
 * configuration). The endpoint does not exist when {@code creditflow.demo.enabled} is false.
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "creditflow.demo.enabled", havingValue = "true")
@Tag(name = "Administration")
class AdminClockController {

  private final DemoClock demoClock;
  private final Clock clock;
  private final AuditTrail auditTrail;

  AdminClockController(DemoClock demoClock, Clock clock, AuditTrail auditTrail) {
    this.demoClock = demoClock;
    this.clock = clock;
    this.auditTrail = auditTrail;
  }

  record ClockChange(@NotNull OffsetDateTime now) {}

  record ClockView(OffsetDateTime now, boolean moved, ZoneId zone) {}

  @GetMapping
  @Operation(summary = "The current engine time")
  ClockView current() {
    return view(demoClock.now());
  }

  @PutMapping
  @Operation(summary = "Move the engine clock (embedded default only)")
  ClockView move(@Valid @RequestBody ClockChange change, Principal principal) {
    Instant now = demoClock.moveTo(change.now().toInstant());
    auditTrail.record(principal.getName(), "CLOCK_MOVED", "clock", "engine", "to " + change.now());
    return view(now);
  }

  @DeleteMapping
  @Operation(summary = "Reset the engine clock to real time")
  ClockView reset(Principal principal) {
    Instant now = demoClock.reset();
    auditTrail.record(principal.getName(), "CLOCK_RESET", "clock", "engine", null);
    return view(now);
  }

  private ClockView view(Instant now) {
    return new ClockView(OffsetDateTime.ofInstant(now, clock.getZone()), demoClock.isMoved(), clock.getZone());
  }
}
