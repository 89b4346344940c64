package io.creditflow.servicing;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's side of {@link LedgerActions}. Every action runs in one transaction (called from a job, it joins the
 * job's transaction, so the ledger change and the process step commit together), is stamped with the engine clock and
 * written to the audit trail with the actor and reason. Loans and lines are optimistically locked: an action racing a
 * payment or the close of business fails and is retried by the job executor.
 *
 * <ul>
 *   <li><b>Freeze / unfreeze</b>: ACTIVE ⇄ FROZEN; repeating either changes nothing; a CLOSED line is refused.</li>
 *   <li><b>Limit change</b>: a new limit in whole cents, not negative; the available amount is the new limit minus what
 *       is drawn, never below 0; one limit-history entry (INCREASED or DECREASED, with the reason as note). The same
 *       limit again changes nothing.</li>
 *   <li><b>Recall</b>: see {@link LoanAccount#recall}; recorded in {@code cf_schedule_change}, which makes a repeat on
 *       the same day a no-op.</li>
 *   <li><b>Restructure</b>: see {@link LoanAccount#planRestructuring} and {@link LoanAccount#restructure}; a repeat on
 *       the same day with the same months returns the instalment of the first call and changes nothing.</li>
 * </ul>
 */
@Service
public class LedgerActionService implements LedgerActions {

  private static final int MAX_ACTOR = 64;
  private static final Logger log = LoggerFactory.getLogger(LedgerActionService.class);

  private final CreditLineRepository creditLines;
  private final CreditLimitChangeRepository limitChanges;
  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final ScheduleChangeRepository scheduleChanges;
  private final AuditTrail auditTrail;
  private final ServicingProperties rules;
  private final Clock clock;

  LedgerActionService(CreditLineRepository creditLines, CreditLimitChangeRepository limitChanges,
      LoanRepository loans, InstalmentRepository instalments, ScheduleChangeRepository scheduleChanges,
      AuditTrail auditTrail, ServicingProperties rules, Clock clock) {
    this.creditLines = creditLines;
    this.limitChanges = limitChanges;
    this.loans = loans;
    this.instalments = instalments;
    this.scheduleChanges = scheduleChanges;
    this.auditTrail = auditTrail;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void freezeLine(String creditLineId, String reason, String actor) {
    String why = reason(reason);
    String who = actor(actor);
    CreditLine line = line(creditLineId);
    if (line.freeze()) {
      creditLines.saveAndFlush(line);
      auditTrail.record(who, "CREDIT_LINE_FROZEN", "credit-line", line.getId(), why);
      log.info("Credit line {} frozen", line.getId());
    }
  }

  @Override
  @Transactional
  public void unfreezeLine(String creditLineId, String reason, String actor) {
    String why = reason(reason);
    String who = actor(actor);
    CreditLine line = line(creditLineId);
    if (line.unfreeze()) {
      creditLines.saveAndFlush(line);
      auditTrail.record(who, "CREDIT_LINE_UNFROZEN", "credit-line", line.getId(), why);
      log.info("Credit line {} unfrozen", line.getId());
    }
  }

  @Override
  @Transactional
  public void changeLimit(String creditLineId, BigDecimal newLimit, String reason, String actor) {
    String why = reason(reason);
    String who = actor(actor);
    CreditLine line = line(creditLineId);
    Optional<CreditLimitChange> change = line.changeLimit(newLimit, why, who, now());
    change.ifPresent(c -> {
      creditLines.saveAndFlush(line);
      limitChanges.saveAndFlush(c);
      auditTrail.record(who, "CREDIT_LIMIT_" + c.getReason(), "credit-line", line.getId(),
          c.getPreviousLimit().toPlainString() + " -> " + c.getNewLimit().toPlainString() + " " + line.getCurrency()
              + ": " + why);
      log.info("Credit line {} limit {} -> {}", line.getId(), c.getPreviousLimit(), c.getNewLimit());
    });
  }

  @Override
  @Transactional
  public void recallLoan(String loanNumber, String reason, String actor) {
    String why = reason(reason);
    String who = actor(actor);
    Loan loan = loan(loanNumber);
    LocalDate today = today();
    Optional<ScheduleChange> last = scheduleChanges.findByLoanNumberAndScheduleVersion(loanNumber,
        loan.getScheduleVersion());
    if (last.filter(c -> c.getKind() == ScheduleChangeKind.RECALL && c.getEffectiveOn().equals(today)).isPresent()) {
      return;
    }
    if (loan.isClosed()) {
      throw new IllegalStateException("loan " + loanNumber + " is " + loan.getStatus() + " and cannot be recalled");
    }
    LoanAccount account = account(loan);
    List<Instalment> next = account.recall(account.horizon(today), today);
    if (next.isEmpty()) {
      log.info("Loan {} has nothing left to recall: every instalment is due already", loanNumber);
      return;
    }
    account.restate(today);
    finish(loan, next, ScheduleChange.of(loan, ScheduleChangeKind.RECALL, today, null, null, why, who, now()));
    auditTrail.record(who, "LOAN_RECALLED", "loan", loanNumber, "balance " + loan.getBalance().toPlainString() + " "
        + loan.getCurrency() + " due " + loan.getMaturityDate() + ", schedule version " + loan.getScheduleVersion()
        + ": " + why);
    log.info("Loan {} recalled: schedule version {}", loanNumber, loan.getScheduleVersion());
  }

  @Override
  @Transactional
  public BigDecimal restructure(String loanNumber, int newRemainingMonths, String reason, String actor) {
    String why = reason(reason);
    String who = actor(actor);
    Loan loan = loan(loanNumber);
    LocalDate today = today();
    Optional<ScheduleChange> repeat = scheduleChanges.findByLoanNumberAndScheduleVersion(loanNumber,
        loan.getScheduleVersion()).filter(c -> c.getKind() == ScheduleChangeKind.RESTRUCTURE
            && c.getEffectiveOn().equals(today) && c.getMonths() == newRemainingMonths);
    if (repeat.isPresent()) {
      return repeat.get().getRegularInstalment();
    }
    LoanAccount account = account(loan);
    LocalDate horizon = account.horizon(today);
    LoanAccount.Restructuring plan = account.planRestructuring(newRemainingMonths, horizon);
    List<Instalment> next = account.restructure(plan, horizon);
    account.restate(today);
    finish(loan, next, ScheduleChange.of(loan, ScheduleChangeKind.RESTRUCTURE, today, newRemainingMonths,
        plan.regularInstalment(), why, who, now()));
    auditTrail.record(who, "LOAN_RESTRUCTURED", "loan", loanNumber, newRemainingMonths + " months from "
        + plan.schedule().get(0).dueDate() + ", instalment " + plan.regularInstalment().toPlainString() + " "
        + loan.getCurrency() + ", schedule version " + loan.getScheduleVersion() + ": " + why);
    log.info("Loan {} restructured over {} months: schedule version {}", loanNumber, newRemainingMonths,
        loan.getScheduleVersion());
    return plan.regularInstalment();
  }

  @Override
  @Transactional(readOnly = true)
  public BigDecimal quoteRestructure(String loanNumber, int newRemainingMonths) {
    Loan loan = loan(loanNumber);
    LoanAccount account = account(loan);
    return account.planRestructuring(newRemainingMonths, account.horizon(today())).regularInstalment();
  }

  private void finish(Loan loan, List<Instalment> next, ScheduleChange change) {
    // the loan first: a concurrent payment or close of business stops here, on the loan's version
    loans.saveAndFlush(loan);
    instalments.saveAll(next);
    scheduleChanges.save(change);
    instalments.flush();
  }

  private LoanAccount account(Loan loan) {
    return new LoanAccount(loan, instalments.findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(
        loan.getLoanNumber(), loan.getScheduleVersion()), rules);
  }

  private CreditLine line(String creditLineId) {
    if (creditLineId == null || creditLineId.length() > 36) {
      throw new NotFoundException("No credit line " + creditLineId + ".");
    }
    return creditLines.findById(creditLineId)
        .orElseThrow(() -> new NotFoundException("No credit line " + creditLineId + "."));
  }

  private Loan loan(String loanNumber) {
    if (!LoanNumbers.isWellFormed(loanNumber)) {
      throw new NotFoundException("No loan " + loanNumber + ".");
    }
    return loans.findById(loanNumber).orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason is required");
    }
    String stripped = reason.strip();
    return stripped.length() <= ScheduleChange.MAX_REASON ? stripped
        : stripped.substring(0, ScheduleChange.MAX_REASON);
  }

  private static String actor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
      throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR + " characters");
    }
    return actor;
  }
}
