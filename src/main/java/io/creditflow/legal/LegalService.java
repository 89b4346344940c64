package io.creditflow.legal;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReporting;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.contact.ContactPolicy;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.LegalLedger;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal case's business logic, for the delegates, the task listener and the REST API. Every method joins the
 * caller's transaction (a job's, so the case, the ledger and the process step commit together) and is idempotent
 * where a retried job may repeat it.
 *
 * <ul>
 *   <li><b>Open</b>: one case per run; loan IN_LEGAL; the contact policy holds the loan with source
 *       {@code legal:<caseId>}, so no collection contact goes out while the case is open (released when it ends).</li>
 *   <li><b>Payments</b> (PaymentReceived, at any point): recorded as steps; a loan the payment settled is
 *       PAID_IN_FULL; an accepted settlement paid (payments received since acceptance, by the deadline) or an awarded
 *       judgment amount recovered (payments received since the judgment) is TERMS_MET: the rest is forgiven.</li>
 *   <li><b>Write-off</b>: the ledger writes the balance off, bureau CHARGED_OFF. Later payments are recoveries.</li>
 *   <li><b>Return to collection</b>: the loan leaves IN_LEGAL, the hold is released, and a new {@code collection}
 *       starts for a loan still past due (the one that handed the loan over ends with this case).</li>
 * </ul>
 */
@Service
public class LegalService {

  private static final Logger log = LoggerFactory.getLogger(LegalService.class);

  /** What a payment did to the case. */
  public enum PaymentEffect { PAID_IN_FULL, TERMS_MET, NONE }

  private final LegalCaseRepository cases;
  private final LegalStepRepository steps;
  private final LoanQueries loans;
  private final LegalLedger ledger;
  private final ContactPolicy contactPolicy;
  private final BureauReporting bureau;
  private final RuntimeService runtime;
  private final LegalProperties properties;
  private final Clock clock;

  LegalService(LegalCaseRepository cases, LegalStepRepository steps, LoanQueries loans, LegalLedger ledger,
      ContactPolicy contactPolicy, BureauReporting bureau, RuntimeService runtime, LegalProperties properties,
      Clock clock) {
    this.cases = cases;
    this.steps = steps;
    this.loans = loans;
    this.ledger = ledger;
    this.contactPolicy = contactPolicy;
    this.bureau = bureau;
    this.runtime = runtime;
    this.properties = properties;
    this.clock = clock;
  }

  /** Opens the case of process instance {@code processInstanceId} (or answers the one opened before). */
  @Transactional
  public LegalCase open(String processInstanceId, String loanNumber, String collectionCaseId) {
    LegalCase existing = cases.findByProcessInstanceId(processInstanceId).orElse(null);
    if (existing != null) {
      return existing;
    }
    Loan loan = loans.loan(loanNumber).orElseThrow(() -> new IllegalStateException("No loan " + loanNumber)).loan();
    LegalCase c = cases.saveAndFlush(LegalCase.open(loanNumber, processInstanceId, collectionCaseId,
        loan.getCustomerId(), loan.getCurrency(), loan.getBalance(), now()));
    ledger.moveToLegal(loanNumber, "legal case " + c.getId(), LegalStep.SYSTEM);
    contactPolicy.hold(loanNumber, LegalProcess.holdSource(c.getId()), "legal case", now());
    step(c, LegalStep.Kind.OPENED, null, "balance " + loan.getBalance().toPlainString() + " " + loan.getCurrency()
        + (collectionCaseId == null ? "" : ", from collection case " + collectionCaseId), null, collectionCaseId);
    log.info("Legal case {} opened for loan {}", c.getId(), loanNumber);
    return c;
  }

  @Transactional(readOnly = true)
  public LegalCase get(String caseId) {
    if (caseId == null || caseId.length() > 36) {
      throw new NotFoundException("No legal case " + caseId + ".");
    }
    return cases.findById(caseId).orElseThrow(() -> new NotFoundException("No legal case " + caseId + "."));
  }

  /** The loan's cases, newest first. */
  @Transactional(readOnly = true)
  public List<LegalCase> ofLoan(String loanNumber) {
    return cases.findByLoanNumberOrderByOpenedAtDesc(loanNumber);
  }

  @Transactional(readOnly = true)
  public List<LegalStep> steps(String caseId) {
    return steps.findByCaseIdOrderBySequenceNumberAsc(caseId);
  }

  /** Payments received since the case opened (recoveries), oldest first. */
  @Transactional(readOnly = true)
  public List<PaymentView> recoveries(LegalCase c) {
    return loans.payments(c.getLoanNumber()).stream()
        .filter(p -> !p.receivedAt().isBefore(c.getOpenedAt()))
        .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
        .toList();
  }

  /** The lawyer's review decision (validated). Returns the variables the process needs for the path chosen. */
  @Transactional
  public Map<String, Object> review(String caseId, String user, String decisionText, String reason,
      Number settlementAmount, String settlementDeadline) {
    LegalCase c = get(caseId);
    LegalDecision decision = parse(LegalDecision.class, decisionText, "legalDecision");
    String why = trimmed(reason, 500);
    if ((decision == LegalDecision.RETURN_TO_COLLECTION || decision == LegalDecision.WRITE_OFF) && why == null) {
      throw new LegalRuleViolation("Give a reason for " + decision + ".");
    }
    c.decided(decision, why);
    step(c, LegalStep.Kind.REVIEW, user, decision + (why == null ? "" : ": " + why), null, null);
    switch (decision) {
      case SETTLEMENT -> {
        BigDecimal amount = money(settlementAmount, "settlementAmount");
        Loan loan = loan(c);
        if (amount.signum() <= 0 || amount.compareTo(loan.getBalance()) > 0) {
          throw new LegalRuleViolation("The settlement amount must be positive and at most the balance, "
              + loan.getBalance().toPlainString() + " " + loan.getCurrency() + ".");
        }
        LocalDate deadline = date(settlementDeadline, "settlementDeadline");
        LocalDate today = today();
        if (!deadline.isAfter(today) || deadline.isAfter(today.plusDays(properties.settlementMaxDays()))) {
          throw new LegalRuleViolation("The settlement deadline must be after today and within "
              + properties.settlementMaxDays() + " days.");
        }
        c.offerSettlement(amount, deadline, now());
        step(c, LegalStep.Kind.SETTLEMENT_OFFERED, user, amount.toPlainString() + " " + c.getCurrency() + " by "
            + deadline, null, null);
        return Map.of(LegalProcess.SETTLEMENT_DUE_AT, Date.from(endOfDay(deadline)));
      }
      case WRITE_OFF -> {
        c.proposeWriteOff(user);
        step(c, LegalStep.Kind.WRITE_OFF_PROPOSED, user, why, null, null);
        return Map.of(LegalProcess.WRITE_OFF_PROPOSED_BY, user);
      }
      case RETURN_TO_COLLECTION -> {
        return Map.of(LegalProcess.CASE_EXIT, "RETURN");
      }
      default -> {
        return Map.of();
      }
    }
  }

  /** The customer accepts the open settlement offer. Idempotent by reference; true when this call accepted it. */
  @Transactional
  public boolean acceptSettlement(String caseId, String reference) {
    LegalCase c = get(caseId);
    if (c.getSettlementAcceptedAt() != null && c.getStatus() == LegalCaseStatus.SETTLEMENT_ACCEPTED) {
      if (c.getSettlementAcceptanceRef().equals(reference)) {
        return false;
      }
      throw new ConflictException("The settlement offer was already accepted under another reference.");
    }
    if (c.getStatus() != LegalCaseStatus.SETTLEMENT_OFFERED) {
      throw new ConflictException("Legal case " + caseId + " has no settlement offer open.");
    }
    if (today().isAfter(c.getSettlementDeadline())) {
      throw new ConflictException("The settlement offer lapsed on " + c.getSettlementDeadline() + ".");
    }
    c.acceptSettlement(reference, now());
    step(c, LegalStep.Kind.SETTLEMENT_ACCEPTED, null, "accepted", null, reference);
    runtime.createMessageCorrelation(LegalProcess.MESSAGE_SETTLEMENT_ACCEPTED)
        .processInstanceId(c.getProcessInstanceId()).correlateWithResult();
    log.info("Settlement of legal case {} accepted", caseId);
    return true;
  }

  /** The deadline passed without the settlement paid: back to review. */
  @Transactional
  public void settlementLapsed(String caseId) {
    LegalCase c = get(caseId);
    if (c.getStatus() == LegalCaseStatus.SETTLEMENT_OFFERED || c.getStatus() == LegalCaseStatus.SETTLEMENT_ACCEPTED) {
      c.settlementLapsed();
      step(c, LegalStep.Kind.SETTLEMENT_LAPSED, null, "deadline " + c.getSettlementDeadline() + " passed, "
          + paidSince(c, c.getSettlementAcceptedAt()).toPlainString() + " paid", null, null);
    }
  }

  /** The filing task (validated). Returns the hearing instant for the timer. */
  @Transactional
  public Date filed(String caseId, String user, String court, String caseNumber, Number costs, String hearing) {
    LegalCase c = get(caseId);
    String theCourt = required(trimmed(court, 200), "court");
    String number = required(trimmed(caseNumber, 64), "courtCaseNumber");
    BigDecimal cost = costs == null ? BigDecimal.ZERO.setScale(2) : money(costs, "filingCosts");
    if (cost.signum() < 0) {
      throw new LegalRuleViolation("Filing costs must not be negative.");
    }
    LocalDate hearingDate = date(hearing, "hearingDate");
    if (!hearingDate.isAfter(today())) {
      throw new LegalRuleViolation("The hearing date must be after today.");
    }
    c.filed(theCourt, number, hearingDate);
    step(c, LegalStep.Kind.LAWSUIT_FILED, user, theCourt + ", hearing " + hearingDate, cost, number);
    return Date.from(hearingDate.atTime(properties.hearingHour(), 0).atZone(clock.getZone()).toInstant());
  }

  /** The judgment task (validated). */
  @Transactional
  public void judged(String caseId, String user, String judgmentText, Number awarded) {
    LegalCase c = get(caseId);
    Judgment judgment = parse(Judgment.class, judgmentText, "judgment");
    BigDecimal amount = null;
    if (judgment != Judgment.LOST) {
      amount = money(awarded, "awardedAmount");
      if (amount.signum() <= 0) {
        throw new LegalRuleViolation("The awarded amount must be positive.");
      }
    }
    c.judged(judgment, amount, now());
    step(c, LegalStep.Kind.JUDGMENT, user, judgment + (amount == null ? "" : ", awarded " + amount.toPlainString()
        + " " + c.getCurrency()), null, c.getCourtCaseNumber());
    if (judgment == Judgment.LOST) {
      c.proposeWriteOff(user);
      step(c, LegalStep.Kind.WRITE_OFF_PROPOSED, user, "lawsuit lost", null, null);
    }
  }

  /** One enforcement task: an action with its cost; UNRECOVERABLE proposes the write-off. */
  @Transactional
  public void enforced(String caseId, String user, String outcome, String note, Number costs) {
    LegalCase c = get(caseId);
    if (!"CONTINUE".equals(outcome) && !"UNRECOVERABLE".equals(outcome)) {
      throw new LegalRuleViolation("enforcementOutcome must be CONTINUE or UNRECOVERABLE.");
    }
    BigDecimal cost = costs == null ? BigDecimal.ZERO.setScale(2) : money(costs, "enforcementCost");
    if (cost.signum() < 0) {
      throw new LegalRuleViolation("Enforcement costs must not be negative.");
    }
    step(c, LegalStep.Kind.ENFORCEMENT, user, outcome + (trimmed(note, 400) == null ? "" : ": " + trimmed(note, 400)),
        cost, null);
    if ("UNRECOVERABLE".equals(outcome)) {
      c.proposeWriteOff(user);
      step(c, LegalStep.Kind.WRITE_OFF_PROPOSED, user, "unrecoverable", null, null);
    }
  }

  /** Refuses a write-off approval by its proposer. */
  @Transactional(readOnly = true)
  public void checkApprover(String caseId, String approver) {
    LegalCase c = get(caseId);
    if (approver == null) {
      throw new LegalRuleViolation("Claim the task before deciding the write-off, so the decision has a name on it.");
    }
    if (approver.equals(c.getWriteOffProposedBy())) {
      throw new LegalRuleViolation("The write-off was proposed by " + approver
          + "; another risk manager must decide it.");
    }
  }

  /** The risk manager's decision on the write-off. Returns the variables for the process. */
  @Transactional
  public Map<String, Object> writeOffDecided(String caseId, String approver, Boolean approved, String comment) {
    checkApprover(caseId, approver);
    LegalCase c = get(caseId);
    if (approved == null) {
      throw new LegalRuleViolation("Approve or reject the write-off.");
    }
    String why = trimmed(comment, 400);
    if (!approved) {
      if (why == null) {
        throw new LegalRuleViolation("Give a reason for rejecting the write-off.");
      }
      c.writeOffRejected();
      step(c, LegalStep.Kind.WRITE_OFF_REJECTED, approver, why, null, null);
      return Map.of();
    }
    c.writeOffApprovedBy(approver);
    return Map.of(LegalProcess.CASE_EXIT, "WRITE_OFF");
  }

  /** A payment arrived (PaymentReceived): recorded; what it did to the case. */
  @Transactional
  public PaymentEffect paymentReceived(String caseId, String paymentReference, Number amount) {
    LegalCase c = get(caseId);
    step(c, LegalStep.Kind.PAYMENT, null, amount == null ? null : money(amount, "amount").toPlainString() + " "
        + c.getCurrency(), null, paymentReference);
    Loan loan = loan(c);
    if (loan.getStatus() == LoanStatus.SETTLED) {
      return PaymentEffect.PAID_IN_FULL;
    }
    if (c.getStatus() == LegalCaseStatus.SETTLEMENT_ACCEPTED && !today().isAfter(c.getSettlementDeadline())
        && paidSince(c, c.getSettlementAcceptedAt()).compareTo(c.getSettlementAmount()) >= 0) {
      return PaymentEffect.TERMS_MET;
    }
    if (c.getAwardedAmount() != null && c.getJudgmentAt() != null && c.getJudgment() != Judgment.LOST
        && paidSince(c, c.getJudgmentAt()).compareTo(c.getAwardedAmount()) >= 0) {
      return PaymentEffect.TERMS_MET;
    }
    return PaymentEffect.NONE;
  }

  /** The loan was repaid in full during the case: closed, hold released. */
  @Transactional
  public void closePaidInFull(String caseId) {
    LegalCase c = get(caseId);
    if (!c.isOpen()) {
      return;
    }
    step(c, LegalStep.Kind.PAID_IN_FULL, null, "loan " + loan(c).getStatus(), null, null);
    end(c, LegalOutcome.PAID_IN_FULL);
  }

  /** A settlement or the judgment amount was paid: the rest is forgiven, loan SETTLED, bureau SETTLED. */
  @Transactional
  public void completeSettlement(String caseId) {
    LegalCase c = get(caseId);
    if (!c.isOpen()) {
      return;
    }
    String basis = c.getStatus() == LegalCaseStatus.SETTLEMENT_ACCEPTED ? "settlement" : "judgment";
    BigDecimal forgiven = ledger.forgive(c.getLoanNumber(), "legal case " + c.getId() + ": " + basis + " paid",
        LegalStep.SYSTEM);
    bureau.report(c.getLoanNumber(), BureauReportKind.SETTLED, today(), "settled for less (" + basis + ")");
    c.forgiven(forgiven);
    step(c, LegalStep.Kind.FORGIVEN, null, basis + " paid; " + forgiven.toPlainString() + " " + c.getCurrency()
        + " forgiven", null, null);
    end(c, LegalOutcome.SETTLED);
  }

  /** The approved write-off: ledger WRITTEN_OFF, bureau CHARGED_OFF, case closed. */
  @Transactional
  public void writeOff(String caseId) {
    LegalCase c = get(caseId);
    if (!c.isOpen()) {
      return;
    }
    BigDecimal amount = ledger.writeOff(c.getLoanNumber(), "legal case " + c.getId() + ", proposed by "
        + c.getWriteOffProposedBy() + ", approved by " + c.getWriteOffApprovedBy(), c.getWriteOffApprovedBy());
    bureau.report(c.getLoanNumber(), BureauReportKind.CHARGED_OFF, today(), "written off after legal case");
    c.writtenOff(amount);
    step(c, LegalStep.Kind.WRITTEN_OFF, c.getWriteOffApprovedBy(), amount.toPlainString() + " " + c.getCurrency()
        + " written off", null, null);
    end(c, LegalOutcome.WRITTEN_OFF);
  }

  /**
   * Returns the loan to collection: the case ends, the loan leaves IN_LEGAL, the hold is released and, when the loan
   * is still past due and no other {@code collection} runs for it, a new {@code collection} starts (the instance
   * that called this case, if any, ends with it).
   */
  @Transactional
  public void returnToCollection(String caseId) {
    LegalCase c = get(caseId);
    if (!c.isOpen()) {
      return;
    }
    ledger.returnFromLegal(c.getLoanNumber(), "legal case " + c.getId() + ": " + c.getLastDecisionReason(),
        LegalStep.SYSTEM);
    step(c, LegalStep.Kind.RETURNED_TO_COLLECTION, null, c.getLastDecisionReason(), null, null);
    end(c, LegalOutcome.RETURNED_TO_COLLECTION);
    Loan loan = loan(c);
    if (loan.isClosed() || loan.getDaysPastDue() == 0) {
      return;
    }
    ProcessInstance caller = runtime.createProcessInstanceQuery().subProcessInstanceId(c.getProcessInstanceId())
        .singleResult();
    long others = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.COLLECTION)
        .processInstanceBusinessKey(c.getLoanNumber()).list().stream()
        .filter(p -> caller == null || !p.getId().equals(caller.getId())).count();
    if (others == 0) {
      runtime.startProcessInstanceByKey(ProcessKeys.COLLECTION, c.getLoanNumber(), Map.of(
          "loanNumber", c.getLoanNumber(), "daysPastDue", loan.getDaysPastDue(),
          "businessDate", today().toString()));
      log.info("Loan {} returned to collection: a new collection started", c.getLoanNumber());
    }
  }

  private void end(LegalCase c, LegalOutcome outcome) {
    c.close(outcome, now());
    contactPolicy.release(c.getLoanNumber(), LegalProcess.holdSource(c.getId()), now());
    log.info("Legal case {} of loan {} closed: {}", c.getId(), c.getLoanNumber(), outcome);
  }

  private BigDecimal paidSince(LegalCase c, Instant since) {
    if (since == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    return loans.payments(c.getLoanNumber()).stream().filter(p -> !p.receivedAt().isBefore(since))
        .map(PaymentView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  void step(LegalCase c, LegalStep.Kind kind, String actor, String detail, BigDecimal cost, String reference) {
    int next = (int) steps.countByCaseId(c.getId()) + 1;
    steps.saveAndFlush(LegalStep.of(c.getId(), next, kind, actor, detail, cost, reference, now()));
  }

  Loan loan(LegalCase c) {
    return loans.loan(c.getLoanNumber()).orElseThrow().loan();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }

  private Instant endOfDay(LocalDate date) {
    ZonedDateTime end = date.plusDays(1).atStartOfDay(clock.getZone()).minusSeconds(1);
    return end.toInstant();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, Objects.requireNonNull(text));
    } catch (RuntimeException e) {
      throw new LegalRuleViolation(field + " must be one of " + List.of(type.getEnumConstants()) + ".");
    }
  }

  private static BigDecimal money(Number value, String field) {
    if (value == null) {
      throw new LegalRuleViolation(field + " is required.");
    }
    BigDecimal amount = new BigDecimal(value.toString());
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new LegalRuleViolation(field + " must be whole cents.");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(Objects.requireNonNull(value).length() > 10 ? value.substring(0, 10) : value);
    } catch (RuntimeException e) {
      throw new LegalRuleViolation(field + " must be a date (YYYY-MM-DD).");
    }
  }

  private static String trimmed(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.strip();
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new LegalRuleViolation(field + " is required.");
    }
    return value;
  }
}
