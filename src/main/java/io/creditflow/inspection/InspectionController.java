package io.creditflow.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inspections}: start a post-loan self-inspection, list them, and read one's report. */
@RestController
@Validated
@RequestMapping("/api/inspections")
@Tag(name = "Post-loan self-inspection")
class InspectionController {

  private static final String STARTERS = "hasAnyAuthority('risk-managers', 'camunda-admin')";
  private static final String READERS = "hasAnyAuthority('risk-managers', 'compliance', 'camunda-admin')";

  record StartRequest(@Min(1) @Max(InspectionService.MAX_SAMPLE_SIZE) Integer sampleSize, Long seed) {}

  record InspectionView(String inspectionId, String status, long seed, int requestedSize, Integer population,
      Integer sampleSize, String triggeredBy, String processInstanceId, OffsetDateTime startedAt,
      OffsetDateTime sampledAt, OffsetDateTime completedAt) {}

  record RemediationView(String group, LocalDate due, String status, String remediatedBy, OffsetDateTime remediatedAt,
      String comment) {}

  record FindingView(ChecklistItem item, boolean passed, String comment, RemediationView remediation) {}

  record LoanView(String loanNumber, String riskGrade, String inspectedBy, OffsetDateTime inspectedAt,
      List<FindingView> findings) {}

  record ItemSummary(int inspected, int passed, int failed, int remediationOpen, int remediationDone) {}

  record ReportView(InspectionView inspection, Map<String, Integer> sampleByGrade, List<LoanView> sample,
      Map<ChecklistItem, ItemSummary> findingsByItem, int remediationOpen, int remediationDone) {}

  private final InspectionService inspections;
  private final ZoneId zone;

  InspectionController(InspectionService inspections, Clock clock) {
    this.inspections = inspections;
    this.zone = clock.getZone();
  }

  @PostMapping
  @PreAuthorize(STARTERS)
  @Operation(summary = "Start an inspection (sample size 1-200, default creditflow.inspection.sample-size; seed"
      + " optional, random and recorded when absent)")
  ResponseEntity<InspectionView> start(@Valid @RequestBody StartRequest request, Principal principal) {
    Inspection inspection = inspections.start(request.sampleSize(), request.seed(), principal.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/inspections/" + inspection.id()))
        .body(view(inspection));
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Inspections, newest first")
  List<InspectionView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return inspections.list(limit).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "The report: sample with seed, findings per loan and per item, remediation status")
  ReportView get(@PathVariable String id) {
    InspectionService.Report report = inspections.report(id);
    Map<String, List<Finding>> byLoan = new LinkedHashMap<>();
    report.findings().forEach(f -> byLoan.computeIfAbsent(f.loanNumber(), k -> new java.util.ArrayList<>()).add(f));
    Map<String, Integer> byGrade = new TreeMap<>();
    List<LoanView> loans = report.sample().stream().map(loan -> {
      byGrade.merge(loan.riskGrade(), 1, Integer::sum);
      return new LoanView(loan.loanNumber(), loan.riskGrade(), loan.inspectedBy(), time(loan.inspectedAt()),
          byLoan.getOrDefault(loan.loanNumber(), List.of()).stream().map(this::finding).toList());
    }).toList();
    Map<ChecklistItem, ItemSummary> byItem = new LinkedHashMap<>();
    int open = 0;
    int done = 0;
    for (ChecklistItem item : ChecklistItem.values()) {
      List<Finding> of = report.findings().stream().filter(f -> f.item() == item).toList();
      int itemOpen = (int) of.stream().filter(f -> Finding.OPEN.equals(f.remediationStatus())).count();
      int itemDone = (int) of.stream().filter(f -> Finding.DONE.equals(f.remediationStatus())).count();
      int passed = (int) of.stream().filter(Finding::passed).count();
      byItem.put(item, new ItemSummary(of.size(), passed, of.size() - passed, itemOpen, itemDone));
      open += itemOpen;
      done += itemDone;
    }
    return new ReportView(view(report.inspection()), byGrade, loans, byItem, open, done);
  }

  private FindingView finding(Finding f) {
    RemediationView remediation = f.passed() ? null : new RemediationView(f.remediationGroup(), f.remediationDue(),
        f.remediationStatus(), f.remediatedBy(), time(f.remediatedAt()), f.remediationComment());
    return new FindingView(f.item(), f.passed(), f.comment(), remediation);
  }

  private InspectionView view(Inspection i) {
    return new InspectionView(i.id(), i.status(), i.seed(), i.requestedSize(), i.population(), i.sampleSize(),
        i.triggeredBy(), i.processInstanceId(), time(i.startedAt()), time(i.sampledAt()), time(i.completedAt()));
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
