package io.creditflow.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/portfolio/snapshots}: the daily portfolio snapshots, newest first, and a manual start. */
@RestController
@Validated
@RequestMapping("/api/portfolio/snapshots")
@Tag(name = "Portfolio early warning")
class PortfolioController {

  private static final String STARTERS = "hasAnyAuthority('risk-managers', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('risk-managers', 'compliance', 'camunda-admin')";

  record Started(LocalDate snapshotDate, String processInstanceId) {}

  record Review(String action, String comment, String reviewedBy, OffsetDateTime reviewedAt) {}

  record SegmentView(String dimension, String key, int loanCount, BigDecimal balance,
      Map<Bucket, Integer> counts, Map<Bucket, BigDecimal> balances, BigDecimal overdueRatioBalance,
      BigDecimal overdueRatioCount, Map<Bucket, BigDecimal> rollRates) {}

  record BreachView(String dimension, String key, String line, String level, BigDecimal measured,
      String recommendedAction) {}

  record SnapshotView(String snapshotId, LocalDate snapshotDate, LocalDate previousSnapshotDate, String triggeredBy,
      String processInstanceId, OffsetDateTime computedAt, long durationMs, String warningLevel, Integer breachCount,
      Review review, SegmentView total, List<SegmentView> segments, List<BreachView> breaches) {}

  record Page(int page, int size, long totalSnapshots, List<SnapshotView> snapshots) {}

  private final PortfolioSnapshotService snapshots;
  private final PortfolioStartService starter;
  private final ZoneId zone;

  PortfolioController(PortfolioSnapshotService snapshots, PortfolioStartService starter, Clock clock) {
    this.snapshots = snapshots;
    this.starter = starter;
    this.zone = clock.getZone();
  }

  @PostMapping
  @PreAuthorize(STARTERS)
  @Operation(summary = "Compute today's snapshot now (portfolioEarlyWarning); 409 when it exists or is running")
  ResponseEntity<Started> start(Principal principal) {
    PortfolioStartService.Started started = starter.start(principal.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Started(started.snapshotDate(), started.processInstanceId()));
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Snapshots, newest first, with the book's total figures")
  Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(PortfolioSnapshotService.MAX_PAGE_SIZE) int size) {
    List<SnapshotView> views = snapshots.page(page, size).stream()
        .map(s -> view(snapshots.get(s.id()), false)).toList();
    return new Page(page, size, snapshots.count(), views);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "One snapshot: every segment (product, channel, grade, campaign), breaches and the review")
  SnapshotView get(@PathVariable String id) {
    return view(snapshots.get(id), true);
  }

  private SnapshotView view(PortfolioSnapshotService.SnapshotDetails details, boolean full) {
    Snapshot s = details.snapshot();
    Review review = s.reviewAction() == null ? null
        : new Review(s.reviewAction(), s.reviewComment(), s.reviewedBy(), time(s.reviewedAt()));
    return new SnapshotView(s.id(), s.snapshotDate(), s.previousSnapshotDate(), s.triggeredBy(),
        s.processInstanceId(), time(s.computedAt()), s.durationMs(), s.warningLevel(), s.breachCount(), review,
        segment(details.total()), full ? details.segments().stream().map(PortfolioController::segment).toList() : null,
        details.breaches().stream().map(b -> new BreachView(b.dimension(), b.key(), b.line(), b.level(),
            b.measured(), b.recommendedAction())).toList());
  }

  private static SegmentView segment(Segment s) {
    Map<Bucket, Integer> counts = new LinkedHashMap<>();
    Map<Bucket, BigDecimal> balances = new LinkedHashMap<>();
    Map<Bucket, BigDecimal> rolls = new LinkedHashMap<>();
    for (Bucket bucket : Bucket.values()) {
      counts.put(bucket, s.counts().get(bucket.ordinal()));
      balances.put(bucket, s.balances().get(bucket.ordinal()));
      if (bucket.ordinal() < s.rollRates().size() && s.rollRates().get(bucket.ordinal()) != null) {
        rolls.put(bucket, s.rollRates().get(bucket.ordinal()));
      }
    }
    return new SegmentView(s.dimension(), s.key(), s.loanCount(), s.balance(), counts, balances,
        s.overdueRatioBalance(), s.overdueRatioCount(), rolls);
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
