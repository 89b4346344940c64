package io.creditflow.servicing;

import io.creditflow.common.web.NotFoundException;
import io.creditflow.servicing.LoanQueries.CreditLineWithHistory;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/loans} and {@code /api/credit-lines}: payments from channels (payment gateway, bank, app, branch) and the
 * servicing view of loans and credit lines for channels and staff.
 */
@RestController
@Tag(name = "Loans")
class LoanController {

  static final String PAYERS = "hasAnyAuthority('api-clients', 'camunda-admin')";
  static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'credit-officers', 'credit-managers',"
      + " 'collectors', 'senior-collectors', 'legal', 'risk-managers', 'compliance')";

  record PaymentRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
          message = "may contain letters, digits and . _ : - only") String paymentReference,
      @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
      @NotNull LocalDate valueDate,
      @NotNull PaymentChannel channel) {}

  record AllocationView(List<PaymentView.Line> lines, BigDecimal penalty, BigDecimal interest, BigDecimal principal,
      BigDecimal prepaidPrincipal) {}

  record LoanAfterView(BigDecimal balance, BigDecimal outstandingPrincipal, int daysPastDue, LoanStatus status,
      int scheduleVersion) {}

  record PaymentBody(String paymentReference, String loanNumber, String currency, BigDecimal amount,
      LocalDate valueDate, PaymentChannel channel, OffsetDateTime receivedAt, AllocationView allocation,
      LoanAfterView loan) {}

  record BalanceView(BigDecimal outstandingPrincipal, BigDecimal outstandingInterest, BigDecimal outstandingPenalty,
      BigDecimal total) {}

  record InstalmentView(int sequenceNumber, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
      BigDecimal totalDue, BigDecimal principalPaid, BigDecimal interestPaid, BigDecimal penaltyAccrued,
      BigDecimal penaltyPaid, BigDecimal unpaid, boolean paid, InstalmentStatus status) {}

  record ProcessView(String processDefinitionKey, String processInstanceId) {}

  record LoanBody(String loanNumber, String customerId, String creditLineId, String applicationId, String currency,
      BigDecimal principal, BigDecimal annualRate, int termMonths, int interestFreeMonths, LocalDate disbursedOn,
      LocalDate firstDueDate, LocalDate maturityDate, LoanStatus status, int daysPastDue, BalanceView balance,
      BigDecimal penaltyAccrued, LocalDate lastClosedOn, int scheduleVersion, List<InstalmentView> schedule,
      List<PaymentBody> payments, List<ProcessView> processes) {}

  record LimitChangeView(BigDecimal previousLimit, BigDecimal newLimit, LimitChangeReason reason, String note,
      String changedBy, OffsetDateTime changedAt) {}

  record CreditLineBody(String id, String customerId, String applicationId, String currency, BigDecimal creditLimit,
      BigDecimal availableAmount, CreditLineStatus status, RiskGrade riskGrade, OffsetDateTime openedAt,
      List<LimitChangeView> limitHistory) {}

  private final PaymentService payments;
  private final LoanQueries queries;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ZoneId zone;

  LoanController(PaymentService payments, LoanQueries queries, RuntimeService runtime, RepositoryService repository,
      Clock clock) {
    this.payments = payments;
    this.queries = queries;
    this.runtime = runtime;
    this.repository = repository;
    this.zone = clock.getZone();
  }

  @PostMapping("/api/loans/{loanNumber}/payments")
  @PreAuthorize(PAYERS)
  @Operation(summary = "Book a payment (idempotent by paymentReference): 201 with the allocation, 200 on a repeat")
  ResponseEntity<PaymentBody> pay(@PathVariable String loanNumber, @Valid @RequestBody PaymentRequest request,
      Principal principal) {
    PaymentResult result = payments.post(loanNumber, new PaymentCommand(request.paymentReference(),
        request.amount(), request.valueDate(), request.channel()), principal.getName());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(body(result.payment()));
  }

  @GetMapping("/api/loans/{loanNumber}")
  @PreAuthorize(READERS)
  @Operation(summary = "A loan: balances, days past due, status, current schedule, payments, running processes")
  LoanBody loan(@PathVariable String loanNumber) {
    LoanWithSchedule found = queries.loan(loanNumber)
        .orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
    Loan l = found.loan();
    List<InstalmentView> schedule = found.schedule().stream().map(i -> new InstalmentView(i.getSequenceNumber(),
        i.getDueDate(), i.getPrincipalDue(), i.getInterestDue(), i.getTotalDue(), i.getPrincipalPaid(),
        i.getInterestPaid(), i.getPenaltyAccrued(), i.getPenaltyPaid(),
        i.arrears().add(i.penaltyOutstanding()), i.isSettled(), i.getStatus())).toList();
    Map<String, String> keys = new HashMap<>();
    List<ProcessView> processes = runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanNumber)
        .orderByProcessInstanceId().asc().list().stream()
        .map(p -> new ProcessView(keys.computeIfAbsent(p.getProcessDefinitionId(),
            id -> repository.getProcessDefinition(id).getKey()), p.getId()))
        .toList();
    return new LoanBody(l.getLoanNumber(), l.getCustomerId(), l.getCreditLineId(), l.getApplicationId(),
        l.getCurrency(), l.getPrincipal(), l.getAnnualRate(), l.getTermMonths(), l.getInterestFreeMonths(),
        l.getDisbursedOn(), l.getFirstDueDate(), l.getMaturityDate(), l.getStatus(), l.getDaysPastDue(),
        new BalanceView(l.getOutstandingPrincipal(), l.getOutstandingInterest(), l.getOutstandingPenalty(),
            l.getBalance()),
        l.getPenaltyAccrued(), l.getLastClosedOn(), l.getScheduleVersion(), schedule,
        queries.payments(loanNumber).stream().map(this::body).toList(), processes);
  }

  @GetMapping("/api/credit-lines/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A credit line: limit, available amount, status, limit history with reasons")
  CreditLineBody creditLine(@PathVariable String id) {
    CreditLineWithHistory found = queries.creditLine(id)
        .orElseThrow(() -> new NotFoundException("No credit line " + id + "."));
    CreditLine line = found.creditLine();
    return new CreditLineBody(line.getId(), line.getCustomerId(), line.getApplicationId(), line.getCurrency(),
        line.getCreditLimit(), line.getAvailableAmount(), line.getStatus(), line.getRiskGrade(),
        time(line.getOpenedAt()), found.limitChanges().stream().map(c -> new LimitChangeView(c.getPreviousLimit(),
            c.getNewLimit(), c.getReason(), c.getNote(), c.getChangedBy(), time(c.getChangedAt()))).toList());
  }

  private PaymentBody body(PaymentView p) {
    return new PaymentBody(p.paymentReference(), p.loanNumber(), p.currency(), p.amount(), p.valueDate(),
        p.channel(), time(p.receivedAt()), new AllocationView(p.allocations(), p.penaltyPaid(), p.interestPaid(),
            p.principalPaid(), p.prepaidPrincipal()),
        new LoanAfterView(p.balanceAfter(), p.outstandingPrincipalAfter(), p.daysPastDueAfter(),
            p.loanStatusAfter(), p.scheduleVersionAfter()));
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
