package io.creditflow.legal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Legal cases: status, steps, costs, recoveries; the case file as PDF or JSON; the customer's settlement acceptance. */
@RestController
@RequestMapping("/api")
class LegalController {

  private static final String READERS =
      "hasAnyAuthority('legal', 'risk-managers', 'compliance', 'camunda-admin')";
  private static final String CHANNELS = "hasAnyAuthority('api-clients', 'camunda-admin')";

  record StepView(int sequence, OffsetDateTime at, LegalStep.Kind kind, String actor, String detail, BigDecimal cost,
      String reference) {}

  record RecoveryView(String paymentReference, BigDecimal amount, LocalDate valueDate, OffsetDateTime receivedAt) {}

  record SettlementView(BigDecimal amount, LocalDate deadline, OffsetDateTime offeredAt, OffsetDateTime acceptedAt,
      String acceptanceReference) {}

  record LawsuitView(String court, String courtCaseNumber, LocalDate hearingDate, Judgment judgment,
      BigDecimal awardedAmount, OffsetDateTime judgmentAt) {}

  record CaseView(String caseId, String loanNumber, String collectionCaseId, String processInstanceId,
      LegalCaseStatus status, LegalOutcome outcome, OffsetDateTime openedAt, OffsetDateTime closedAt, String currency,
      BigDecimal balanceAtOpening, LegalDecision lastDecision, String lastDecisionReason, SettlementView settlement,
      LawsuitView lawsuit, String writeOffProposedBy, String writeOffApprovedBy, BigDecimal forgivenAmount,
      BigDecimal writtenOffAmount, BigDecimal costs, BigDecimal recovered, List<RecoveryView> recoveries,
      List<StepView> steps, String caseFile) {}

  record AcceptanceBody(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
      message = "must be 1 to 64 letters, digits or . _ : -") String acceptanceReference) {}

  record AcceptanceView(String caseId, String acceptanceReference, OffsetDateTime acceptedAt, BigDecimal amount,
      LocalDate deadline, LegalCaseStatus status) {}

  private final LegalService legal;
  private final LegalCaseFileRepository files;
  private final CaseFilePdf pdf;
  private final ObjectMapper json;
  private final ZoneId zone;

  LegalController(LegalService legal, LegalCaseFileRepository files, CaseFilePdf pdf, ObjectMapper json,
      Clock clock) {
    this.legal = legal;
    this.files = files;
    this.pdf = pdf;
    this.json = json;
    this.zone = clock.getZone();
  }

  @GetMapping("/legal-cases/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A legal case: status, steps, costs and recoveries")
  CaseView get(@PathVariable String id) {
    return view(legal.get(id));
  }

  @GetMapping("/loans/{loanNumber}/legal-case")
  @PreAuthorize(READERS)
  @Operation(summary = "The loan's latest legal case")
  CaseView ofLoan(@PathVariable String loanNumber) {
    return legal.ofLoan(loanNumber).stream().findFirst().map(this::view)
        .orElseThrow(() -> new NotFoundException("Loan " + loanNumber + " has no legal case."));
  }

  @GetMapping(value = "/legal-cases/{id}/case-file", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "The case file as assembled (JSON)")
  JsonNode caseFileJson(@PathVariable String id) {
    try {
      return json.readTree(file(id).getContent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping(value = "/legal-cases/{id}/case-file", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "The case file as assembled (PDF)")
  ResponseEntity<byte[]> caseFilePdf(@PathVariable String id) {
    LegalCaseFile file = file(id);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"legal-case-" + id + ".pdf\"")
        .body(pdf.render(file));
  }

  @PostMapping("/legal-cases/{id}/settlement-acceptance")
  @PreAuthorize(CHANNELS)
  @Operation(summary = "The customer accepts the settlement offer (idempotent by acceptanceReference)")
  ResponseEntity<AcceptanceView> accept(@PathVariable String id, @Valid @RequestBody AcceptanceBody body) {
    boolean accepted = legal.acceptSettlement(id, body.acceptanceReference());
    LegalCase c = legal.get(id);
    return ResponseEntity.status(accepted ? HttpStatus.CREATED : HttpStatus.OK).body(new AcceptanceView(c.getId(),
        c.getSettlementAcceptanceRef(), time(c.getSettlementAcceptedAt()), c.getSettlementAmount(),
        c.getSettlementDeadline(), c.getStatus()));
  }

  private LegalCaseFile file(String id) {
    LegalCase c = legal.get(id);
    return files.findByCaseId(c.getId())
        .orElseThrow(() -> new NotFoundException("The case file of legal case " + id + " is not assembled yet."));
  }

  private CaseView view(LegalCase c) {
    List<StepView> steps = legal.steps(c.getId()).stream().map(s -> new StepView(s.getSequenceNumber(),
        time(s.getOccurredAt()), s.getKind(), s.getActor(), s.getDetail(), s.getCost(), s.getReference())).toList();
    List<RecoveryView> recoveries = legal.recoveries(c).stream().map(p -> new RecoveryView(p.paymentReference(),
        p.amount(), p.valueDate(), time(p.receivedAt()))).toList();
    BigDecimal costs = steps.stream().map(StepView::cost).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    BigDecimal recovered = recoveries.stream().map(RecoveryView::amount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    SettlementView settlement = c.getSettlementAmount() == null ? null : new SettlementView(c.getSettlementAmount(),
        c.getSettlementDeadline(), time(c.getSettlementOfferedAt()), time(c.getSettlementAcceptedAt()),
        c.getSettlementAcceptanceRef());
    LawsuitView lawsuit = c.getCourt() == null ? null : new LawsuitView(c.getCourt(), c.getCourtCaseNumber(),
        c.getHearingDate(), c.getJudgment(), c.getAwardedAmount(), time(c.getJudgmentAt()));
    return new CaseView(c.getId(), c.getLoanNumber(), c.getCollectionCaseId(), c.getProcessInstanceId(),
        c.getStatus(), c.getOutcome(), time(c.getOpenedAt()), time(c.getClosedAt()), c.getCurrency(),
        c.getBalanceAtOpening(), c.getLastDecision(), c.getLastDecisionReason(), settlement, lawsuit,
        c.getWriteOffProposedBy(), c.getWriteOffApprovedBy(), c.getForgivenAmount(), c.getWrittenOffAmount(), costs,
        recovered, recoveries, steps, "/api/legal-cases/" + c.getId() + "/case-file");
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
