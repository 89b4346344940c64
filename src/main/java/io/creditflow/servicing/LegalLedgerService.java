package io.creditflow.servicing;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link LegalLedger} on the loan (optimistically locked: racing a payment, one of them is retried). */
@Service
class LegalLedgerService implements LegalLedger {

  private static final Logger log = LoggerFactory.getLogger(LegalLedgerService.class);

  private final LoanRepository loans;
  private final AuditTrail auditTrail;
  private final ServicingProperties rules;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LegalLedgerService(LoanRepository loans, AuditTrail auditTrail, ServicingProperties rules,
      ApplicationEventPublisher events, Clock clock) {
    this.loans = loans;
    this.auditTrail = auditTrail;
    this.rules = rules;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void moveToLegal(String loanNumber, String reason, String actor) {
    Loan loan = loan(loanNumber);
    if (loan.toLegal()) {
      loans.saveAndFlush(loan);
      auditTrail.record(actor, "LOAN_IN_LEGAL", "loan", loanNumber, reason);
      log.info("Loan {} handed to legal", loanNumber);
    }
  }

  @Override
  @Transactional
  public void returnFromLegal(String loanNumber, String reason, String actor) {
    Loan loan = loan(loanNumber);
    if (loan.fromLegal(rules.graceDays())) {
      loans.saveAndFlush(loan);
      auditTrail.record(actor, "LOAN_RETURNED_FROM_LEGAL", "loan", loanNumber, loan.getStatus() + ": " + reason);
      log.info("Loan {} returned from legal: {}", loanNumber, loan.getStatus());
    }
  }

  @Override
  @Transactional
  public BigDecimal forgive(String loanNumber, String reason, String actor) {
    Loan loan = loan(loanNumber);
    if (loan.getStatus() == LoanStatus.SETTLED) {
      return Money.ZERO;
    }
    BigDecimal forgiven = loan.forgive();
    loans.saveAndFlush(loan);
    auditTrail.record(actor, "LOAN_FORGIVEN", "loan", loanNumber, forgiven.toPlainString() + " "
        + loan.getCurrency() + " forgiven: " + reason);
    events.publishEvent(new LoanSettled(loanNumber, loan.getCustomerId(), today(),
        "settled for less: " + forgiven.toPlainString() + " " + loan.getCurrency() + " forgiven"));
    log.info("Loan {} settled, {} forgiven", loanNumber, forgiven);
    return forgiven;
  }

  @Override
  @Transactional
  public BigDecimal writeOff(String loanNumber, String reason, String actor) {
    Loan loan = loan(loanNumber);
    if (loan.getStatus() == LoanStatus.WRITTEN_OFF) {
      return loan.getWrittenOffAmount();
    }
    BigDecimal amount = loan.writeOff();
    loans.saveAndFlush(loan);
    auditTrail.record(actor, "LOAN_WRITTEN_OFF", "loan", loanNumber, amount.toPlainString() + " "
        + loan.getCurrency() + " written off: " + reason);
    log.info("Loan {} written off: {}", loanNumber, amount);
    return amount;
  }

  private Loan loan(String loanNumber) {
    if (!LoanNumbers.isWellFormed(loanNumber)) {
      throw new NotFoundException("No loan " + loanNumber + ".");
    }
    return loans.findById(loanNumber).orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }
}
