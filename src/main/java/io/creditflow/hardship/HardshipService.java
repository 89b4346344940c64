package io.creditflow.hardship;

import io.creditflow.collection.CollectionHolds;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.LedgerActions;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hardship requests: taking one in and starting {@code hardshipAssessment}, the options a credit officer compares, the
 * decision, and carrying it out (restructuring through {@link LedgerActions}, telling the customer). The customer's
 * note is stored and shown to staff but never logged, audited or put into process variables other than the task's
 * display text. While a request is being assessed, collection of the loan is held ({@link CollectionHolds}, source
 * {@code hardship:<requestId>}); the hold is released when the assessment ends (restructured or declined).
 */
@Service
public class HardshipService {

  private static final Logger log = LoggerFactory.getLogger(HardshipService.class);

  /** What the customer asks for (shape validated by the controller). */
  public record NewRequest(HardshipReason reason, String note, int requestedExtensionMonths,
      BigDecimal proposedInstalment) {}

  /** The routing a decision produces. */
  public record DecisionResult(HardshipDecision decision, Integer newRemainingMonths, String declineReason) {}

  private final HardshipRequestRepository requests;
  private final HardshipOptions options;
  private final HardshipNotices notices;
  private final LoanQueries loans;
  private final LedgerActions ledger;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final CollectionHolds collectionHolds;
  private final Clock clock;

  HardshipService(HardshipRequestRepository requests, HardshipOptions options, HardshipNotices notices,
      LoanQueries loans, LedgerActions ledger, RuntimeService runtime, AuditTrail audit,
      CollectionHolds collectionHolds, Clock clock) {
    this.requests = requests;
    this.options = options;
    this.notices = notices;
    this.loans = loans;
    this.ledger = ledger;
    this.runtime = runtime;
    this.audit = audit;
    this.collectionHolds = collectionHolds;
    this.clock = clock;
  }

  /**
   * Stores the request and starts {@code hardshipAssessment} (business key = loan number) in one transaction.
   *
   * @throws NotFoundException no such loan
   * @throws ConflictException the loan is SETTLED or WRITTEN_OFF, or it already has an open request or a running
   *                           assessment (a request arriving at the same moment fails on the unique key instead)
   */
  @Transactional
  public HardshipRequest request(String loanNumber, NewRequest command, String user) {
    Loan loan = loans.loan(loanNumber).map(LoanWithSchedule::loan)
        .orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
    if (loan.isClosed()) {
      throw new ConflictException("Loan " + loanNumber + " is " + loan.getStatus()
          + "; hardship relief is only for loans still being repaid.");
    }
    requests.findByOpenLoanNumber(loanNumber).ifPresent(open -> {
      throw new ConflictException("Loan " + loanNumber + " already has an open hardship request (" + open.getId()
          + "); a new one can be made when it is decided.");
    });
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.HARDSHIP_ASSESSMENT)
        .processInstanceBusinessKey(loanNumber).count();
    if (running > 0) {
      throw new ConflictException("A hardship assessment is already running for loan " + loanNumber + ".");
    }
    String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
    HardshipRequest request = requests.saveAndFlush(HardshipRequest.open(loanNumber, command.reason(), note,
        command.requestedExtensionMonths(), command.proposedInstalment(), user, clock.instant()));
    ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.HARDSHIP_ASSESSMENT, loanNumber,
        Map.of(HardshipProcess.REQUEST_ID, request.getId(), HardshipProcess.LOAN_NUMBER, loanNumber));
    request.started(instance.getId());
    collectionHolds.hold(loanNumber, holdSource(request.getId()), "Hardship assessment");
    audit.record(user, "HARDSHIP_REQUESTED", "loan", loanNumber, "request " + request.getId() + ", "
        + command.reason() + ", " + command.requestedExtensionMonths() + " months");
    log.info("Hardship request {} for loan {} ({}): instance {}", request.getId(), loanNumber, command.reason(),
        instance.getId());
    return request;
  }

  /** One request. */
  @Transactional(readOnly = true)
  public HardshipRequest get(String requestId) {
    return requests.findById(requestId == null ? "" : requestId)
        .orElseThrow(() -> new NotFoundException("No hardship request " + requestId + "."));
  }

  /** Task_PrepareOptions: quotes both options on the loan as it is now and stores them; true when (b) exists. */
  @Transactional
  public boolean prepareOptions(String requestId) {
    HardshipRequest request = load(requestId);
    LoanWithSchedule loan = loans.loan(request.getLoanNumber())
        .orElseThrow(() -> new IllegalStateException("No loan " + request.getLoanNumber()));
    HardshipOptions.Quote quote = options.quote(request.getLoanNumber(), loan.schedule(),
        request.getRequestedExtensionMonths(), request.getProposedInstalment());
    request.optionsComputed(quote.currentInstalment(), quote.remainingMonths(), quote.extension().newInstalment(),
        quote.reduced().map(HardshipOptions.Option::extensionMonths).orElse(null),
        quote.reduced().map(HardshipOptions.Option::newInstalment).orElse(null), clock.instant());
    return quote.reduced().isPresent();
  }

  /**
   * What Task_AssessHardship shows, as task-local variables while the task is open: reason, the customer's note, the
   * loan today and both options. No name, national id or contact data.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> assessmentSummary(String requestId) {
    HardshipRequest request = load(requestId);
    Loan loan = loans.loan(request.getLoanNumber()).map(LoanWithSchedule::loan)
        .orElseThrow(() -> new IllegalStateException("No loan " + request.getLoanNumber()));
    String currency = loan.getCurrency();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("hardshipReason", request.getReason().name());
    summary.put("noteText", request.getNote() == null ? "(no note)" : request.getNote());
    summary.put("loanText", loan.getLoanNumber() + " · status " + loan.getStatus() + " · " + loan.getDaysPastDue()
        + " days past due · outstanding principal " + money(currency, loan.getOutstandingPrincipal())
        + " · annual rate " + loan.getAnnualRate().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " %");
    summary.put("currentText", money(currency, request.getCurrentInstalment()) + " a month, "
        + request.getRemainingMonths() + " months remaining");
    summary.put("extensionText", "+" + request.getExtensionMonths() + " months: "
        + money(currency, request.getExtensionInstalment()) + " a month, "
        + (request.getRemainingMonths() + request.getExtensionMonths()) + " months remaining");
    summary.put("proposedText", request.getProposedInstalment() == null ? "none"
        : money(currency, request.getProposedInstalment()) + " a month");
    summary.put("reducedText", reducedText(request, currency));
    return summary;
  }

  private static String reducedText(HardshipRequest request, String currency) {
    if (request.getProposedInstalment() == null) {
      return "Not available: the customer proposed no instalment.";
    }
    if (request.getReducedExtensionMonths() == null) {
      return "Not possible: even +" + HardshipOptions.MAX_EXTENSION_MONTHS + " months does not bring the instalment"
          + " to " + money(currency, request.getProposedInstalment()) + " or below.";
    }
    return "+" + request.getReducedExtensionMonths() + " months: " + money(currency, request.getReducedInstalment())
        + " a month, " + (request.getRemainingMonths() + request.getReducedExtensionMonths()) + " months remaining";
  }

  /** The credit officer's decision on Task_AssessHardship; a broken rule refuses the completion. */
  @Transactional
  public DecisionResult decide(String requestId, String user, String decision, String declineReason) {
    HardshipRequest request = load(requestId);
    if (!request.isOpen()) {
      throw new HardshipRuleViolation("Hardship request " + requestId + " is already " + request.getStatus() + ".");
    }
    HardshipDecision chosen = decision(decision);
    switch (chosen) {
      case APPROVE_EXTENSION -> {
        int months = request.getRemainingMonths() + request.getExtensionMonths();
        request.decided(chosen, null, months, user, clock.instant());
        return new DecisionResult(chosen, months, null);
      }
      case APPROVE_REDUCED_INSTALMENT -> {
        if (request.getReducedExtensionMonths() == null) {
          throw new HardshipRuleViolation("There is no reduced-instalment option for this request: "
              + "approve the term extension or decline.");
        }
        int months = request.getRemainingMonths() + request.getReducedExtensionMonths();
        request.decided(chosen, null, months, user, clock.instant());
        return new DecisionResult(chosen, months, null);
      }
      default -> {
        HardshipDeclineReason reason = declineReason(declineReason);
        request.decided(chosen, reason, null, user, clock.instant());
        return new DecisionResult(chosen, null, reason.name());
      }
    }
  }

  /**
   * Task_RestructureLoan: restructures the loan over the decided term and records the new instalment. A retried job
   * that finds the request already APPROVED does nothing (the restructuring is not repeated).
   */
  @Transactional
  public void restructure(String requestId) {
    HardshipRequest request = load(requestId);
    if (request.getStatus() == HardshipStatus.APPROVED) {
      return;
    }
    if (request.getChosenOption() == null || !request.getChosenOption().approves()) {
      throw new IllegalStateException("Hardship request " + requestId + " is not approved");
    }
    BigDecimal instalment = ledger.restructure(request.getLoanNumber(), request.getNewRemainingMonths(),
        "HARDSHIP " + request.getReason() + " (" + request.getChosenOption() + ", request " + requestId + ")",
        request.getDecidedBy());
    request.approved(instalment.setScale(2, RoundingMode.HALF_UP));
    audit.record(request.getDecidedBy(), "HARDSHIP_APPROVED", "loan", request.getLoanNumber(), "request "
        + requestId + ", " + request.getChosenOption() + ", " + request.getNewRemainingMonths() + " months, instalment "
        + request.getNewInstalment().toPlainString());
    log.info("Hardship request {}: loan {} restructured over {} months", requestId, request.getLoanNumber(),
        request.getNewRemainingMonths());
  }

  /** Task_NotifyRestructured: tells the customer the new instalment and term; collection is no longer held. */
  @Transactional
  public void notifyRestructured(String requestId) {
    HardshipRequest request = load(requestId);
    notices.approved(request, loan(request));
    collectionHolds.release(request.getLoanNumber(), holdSource(requestId));
  }

  /** The collection hold of a request while it is assessed. */
  static String holdSource(String requestId) {
    return "hardship:" + requestId;
  }

  /** Task_NotifyDeclined: the request is DECLINED and the customer is told why; collection is no longer held. */
  @Transactional
  public void decline(String requestId) {
    HardshipRequest request = load(requestId);
    if (request.isOpen()) {
      request.declined();
      audit.record(request.getDecidedBy(), "HARDSHIP_DECLINED", "loan", request.getLoanNumber(), "request "
          + requestId + ", " + request.getDeclineReason());
      log.info("Hardship request {} for loan {} declined ({})", requestId, request.getLoanNumber(),
          request.getDeclineReason());
    }
    notices.declined(request, loan(request));
    collectionHolds.release(request.getLoanNumber(), holdSource(requestId));
  }

  private Loan loan(HardshipRequest request) {
    return loans.loan(request.getLoanNumber()).map(LoanWithSchedule::loan)
        .orElseThrow(() -> new IllegalStateException("No loan " + request.getLoanNumber()));
  }

  private static HardshipDecision decision(String value) {
    try {
      return HardshipDecision.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new HardshipRuleViolation("Choose a decision: APPROVE_EXTENSION, APPROVE_REDUCED_INSTALMENT or DECLINE.");
    }
  }

  private static HardshipDeclineReason declineReason(String value) {
    try {
      return HardshipDeclineReason.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new HardshipRuleViolation("Choose a decline reason; the customer is told it.");
    }
  }

  private static String money(String currency, BigDecimal amount) {
    return amount == null ? "" : currency + " " + String.format("%,.2f", amount);
  }

  private HardshipRequest load(String requestId) {
    return requests.findById(requestId)
        .orElseThrow(() -> new IllegalStateException("No hardship request " + requestId));
  }
}
