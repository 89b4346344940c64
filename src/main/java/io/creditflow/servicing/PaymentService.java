package io.creditflow.servicing;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books payments against loans.
 *
 * <h2>Allocation</h2>
 * A payment pays the instalments due on or before its value date (or on or before the loan's last closed business date,
 * if that is later: what the close of business billed is owed), <b>oldest instalment first</b>, and within each
 * instalment <b>penalty, then interest, then principal</b>. An instalment is cleared before the next one is touched,
 * so a partial payment cures the oldest arrears first and days past due fall as early as possible. What remains once
 * everything due is paid <b>prepays principal</b>: the term is kept and the instalments not yet due are recalculated as
 * a new schedule version, the old version kept (see {@link LoanAccount#prepay}). An amount above everything the loan
 * owes (all principal, interest and penalty due by the value date) is refused: 400 on {@code amount}.
 *
 * <p>Then the loan is restated (see {@link LoanAccount}): instalment statuses, billed interest, penalty, days past due
 * from the oldest unpaid instalment as of the last close, and a DELINQUENT loan without arrears left beyond the grace
 * days is ACTIVE again. Repaid principal (scheduled or prepaid) is given back to the credit line's available amount
 * (revolving line); a loan with nothing outstanding is SETTLED, its principal thus fully restored to the line.
 * Penalties accrued by closes after a back-valued value date are not reversed.
 *
 * <h2>Idempotent by payment reference</h2>
 * The same reference with the same loan, amount, value date and channel answers the stored payment with
 * {@code created = false}; with anything different it is a conflict (409). Racing identical requests are stopped by
 * the unique reference (and the loan's optimistic lock): one commits, the others roll back, re-read and answer the
 * winner's payment. Nothing is stored when a request is refused.
 *
 * <h2>PaymentReceived</h2>
 * {@code PaymentReceived} is correlated to every process instance of the loan that waits for it, in the booking's
 * transaction: the payment and what the processes did with it commit together (one transaction per payment, the
 * payment scenario of issue 9). When that correlation fails (a process could not take the message, or any retry of the
 * booking), the booking is rolled back and done again, and the message is delivered after the commit, in transactions
 * of its own, with retries; see {@link PaymentCorrelator}. A payment is thus never refused or lost because a process
 * could not take it. {@link #redeliverFailedCorrelations()} retries the failed deliveries.
 */
@Service
public class PaymentService {

  private final ApplicationEventPublisher events;

  /** Who the ledger records when the caller names no one. */
  public static final String ACTOR = "system:payments";
  static final int MAX_ATTEMPTS = 5;
  private static final long BACK_OFF_MILLIS = 25;
  private static final int MAX_REFERENCE_LENGTH = 64;
  private static final int REDELIVERY_BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

  /** The outcome of a redelivery run: payments tried and how each ended. */
  public record Redelivery(int attempted, int delivered, int notWaited, int failed) {}

  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final CreditLineRepository creditLines;
  private final PaymentRepository payments;
  private final PaymentAllocationRepository allocations;
  private final AuditTrail auditTrail;
  private final PaymentCorrelator correlator;
  private final ServicingProperties rules;
  private final Clock clock;
  private final TransactionTemplate booking;
  private final TransactionTemplate reading;
  private final Runnable beforeBooking;

  @Autowired
  PaymentService(LoanRepository loans, InstalmentRepository instalments, CreditLineRepository creditLines,
      PaymentRepository payments, PaymentAllocationRepository allocations, AuditTrail auditTrail,
      PaymentCorrelator correlator, ServicingProperties rules, Clock clock,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
    this(loans, instalments, creditLines, payments, allocations, auditTrail, correlator, rules, clock,
        transactionManager, events, () -> {});
  }

  /**
   * With a hook run after the duplicate check and before each booking attempt, inside the booking's transaction: a
   * test seam to hold racing callers.
   */
  PaymentService(LoanRepository loans, InstalmentRepository instalments, CreditLineRepository creditLines,
      PaymentRepository payments, PaymentAllocationRepository allocations, AuditTrail auditTrail,
      PaymentCorrelator correlator, ServicingProperties rules, Clock clock,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Runnable beforeBooking) {
    this.events = events;
    this.loans = loans;
    this.instalments = instalments;
    this.creditLines = creditLines;
    this.payments = payments;
    this.allocations = allocations;
    this.auditTrail = auditTrail;
    this.correlator = correlator;
    this.rules = rules;
    this.clock = clock;
    this.beforeBooking = beforeBooking;
    this.booking = new TransactionTemplate(transactionManager);
    this.booking.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading.setReadOnly(true);
  }

  /** {@link #post(String, PaymentCommand, String)} recorded as received by {@value #ACTOR}. */
  public PaymentResult post(String loanNumber, PaymentCommand command) {
    return post(loanNumber, command, ACTOR);
  }

  /**
   * Books {@code command} against loan {@code loanNumber}, or answers the payment booked before under the same
   * reference.
   *
   * @param receivedBy who hands the payment in (user id or system), for the audit trail
   * @throws NotFoundException       no such loan
   * @throws ConflictException       the reference was used for a different payment
   * @throws InvalidRequestException malformed fields, a value date in the future or before the disbursement, an
   *                                 amount above what the loan owes
   */
  public PaymentResult post(String loanNumber, PaymentCommand command, String receivedBy) {
    checkShape(command);
    if (!LoanNumbers.isWellFormed(loanNumber)) {
      throw notFound(loanNumber);
    }
    BigDecimal amount = Money.cents(command.amount());
    for (int attempt = 1; ; attempt++) {
      // the first attempt delivers PaymentReceived with the booking; any retry after the commit, as a fallback
      boolean deliverWithBooking = attempt == 1;
      try {
        // the duplicate check and the booking in one transaction: a repeat commits nothing
        return booking.execute(status -> existing(loanNumber, command, amount).orElseGet(() -> {
          beforeBooking.run();
          return book(loanNumber, command, amount, receivedBy, deliverWithBooking);
        }));
      } catch (DeliveryNotTaken e) {
        // nothing is kept: book again, deliver after the commit (retried there, FAILED if it cannot be)
        log.info("Payment {} on loan {}: PaymentReceived not taken with the booking ({}); booking again",
            command.paymentReference(), loanNumber, e.getCause().getClass().getSimpleName());
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        // the same payment booked concurrently, or the loan changed under us: re-read, then retry
        log.info("Payment {} on loan {} refused by the database (attempt {}): {}; re-reading",
            command.paymentReference(), loanNumber, attempt, e.getClass().getSimpleName());
        backOff(attempt + 1);
      }
    }
  }

  /** The correlation with the booking failed; the booking's transaction is rolled back. */
  private static final class DeliveryNotTaken extends RuntimeException {
    DeliveryNotTaken(RuntimeException cause) {
      super(cause);
    }
  }

  /**
   * {@code PaymentReceived} of {@code payment}: with the booking ({@code now}), or registered for after the commit.
   */
  private void deliver(Payment payment, boolean now) {
    if (now) {
      try {
        correlator.deliverWithBooking(payment);
      } catch (RuntimeException e) {
        throw new DeliveryNotTaken(e);
      }
      return;
    }
    String paymentId = payment.getId();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        correlator.deliver(paymentId);
      }
    });
  }

  /**
   * Delivers PaymentReceived again for payments whose delivery FAILED, and for those still PENDING after
   * {@code creditflow.servicing.redeliver-pending-after} (the node stopped between commit and delivery). At most 500 a
   * call, oldest first; for a step of the close of business.
   */
  public Redelivery redeliverFailedCorrelations() {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>(reading.execute(status -> payments.findIdsToRedeliver(
        List.of(CorrelationStatus.FAILED), now.plusSeconds(1), Limit.of(REDELIVERY_BATCH))));
    if (ids.size() < REDELIVERY_BATCH) {
      ids.addAll(reading.execute(status -> payments.findIdsToRedeliver(List.of(CorrelationStatus.PENDING),
          now.minus(rules.redeliverPendingAfter()), Limit.of(REDELIVERY_BATCH - ids.size()))));
    }
    int delivered = 0;
    int notWaited = 0;
    int failed = 0;
    for (String id : ids) {
      switch (correlator.deliver(id)) {
        case DELIVERED -> delivered++;
        case NOT_WAITED -> notWaited++;
        default -> failed++;
      }
    }
    return new Redelivery(ids.size(), delivered, notWaited, failed);
  }

  private Optional<PaymentResult> existing(String loanNumber, PaymentCommand command, BigDecimal amount) {
    return payments.findByPaymentReference(command.paymentReference()).map(payment -> {
      if (!payment.sameAs(loanNumber, amount, command.valueDate(), command.channel())) {
        throw new ConflictException("Payment reference " + command.paymentReference()
            + " was already used for a different payment.");
      }
      return new PaymentResult(view(payment), false);
    });
  }

  private PaymentResult book(String loanNumber, PaymentCommand command, BigDecimal amount, String receivedBy,
      boolean deliverWithBooking) {
    Loan loan = loans.findById(loanNumber).orElseThrow(() -> notFound(loanNumber));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    LocalDate valueDate = command.valueDate();
    if (valueDate.isAfter(today)) {
      throw invalid("valueDate", "must not be in the future (today is " + today + ")");
    }
    if (valueDate.isBefore(loan.getDisbursedOn())) {
      throw invalid("valueDate", "must not be before the loan was disbursed (" + loan.getDisbursedOn() + ")");
    }
    if (loan.getStatus() == LoanStatus.WRITTEN_OFF) {
      return recover(loan, command, amount, receivedBy, now, deliverWithBooking);
    }
    LoanAccount account = new LoanAccount(loan, instalments
        .findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber, loan.getScheduleVersion()), rules);
    LocalDate horizon = account.horizon(valueDate);
    BigDecimal owed = loan.isClosed() ? Money.ZERO : account.totalOutstanding(horizon);
    if (amount.compareTo(owed) > 0) {
      throw invalid("amount", "must not exceed what the loan owes in total: " + owed.toPlainString() + " "
          + loan.getCurrency());
    }

    LoanAccount.Allocation allocation = account.allocate(amount, horizon);
    List<Instalment> newVersion = allocation.prepaidPrincipal().signum() > 0
        ? account.prepay(allocation.prepaidPrincipal(), horizon, valueDate)
        : List.of();
    boolean settled = account.restate(valueDate);
    BigDecimal principalRepaid = allocation.principal().add(allocation.prepaidPrincipal());
    if (principalRepaid.signum() > 0) {
      creditLines.findById(loan.getCreditLineId()).orElseThrow().restore(principalRepaid);
    }

    Payment payment = Payment.booked(loan, new Payment.Received(command.paymentReference(), amount, valueDate,
        command.channel(), now, receivedBy), new Payment.Outcome(allocation.penalty(), allocation.interest(),
        allocation.principal(), allocation.prepaidPrincipal(), loan));
    // First write: a concurrent booking of the same reference stops here, on the unique key (or on the loan's version).
    payments.saveAndFlush(payment);
    instalments.saveAll(newVersion);
    List<PaymentAllocation> lines = allocation.lines().stream()
        .map(line -> PaymentAllocation.of(payment.getId(), line.line(), line.penalty(), line.interest(),
            line.principal()))
        .toList();
    allocations.saveAll(lines);
    auditTrail.record(receivedBy, "PAYMENT_RECEIVED", "loan", loanNumber, "payment " + command.paymentReference()
        + " " + amount.toPlainString() + " " + loan.getCurrency() + " via " + command.channel() + " value "
        + valueDate + (newVersion.isEmpty() ? "" : ", schedule version " + loan.getScheduleVersion()));
    if (settled) {
      auditTrail.record(ACTOR, "LOAN_SETTLED", "loan", loanNumber, "by payment " + command.paymentReference());
      // listeners (settlement notice, bureau record) write in this same transaction
      events.publishEvent(new LoanSettled(loanNumber, loan.getCustomerId(), valueDate,
          "by payment " + command.paymentReference()));
    }
    allocations.flush();
    log.info("Payment {} booked on loan {}: status {}, {} days past due", command.paymentReference(), loanNumber,
        loan.getStatus(), loan.getDaysPastDue());
    deliver(payment, deliverWithBooking);
    return new PaymentResult(PaymentView.of(payment, lines), true);
  }

  /**
   * A payment on a WRITTEN_OFF loan is a recovery: it reduces the charged-off balance (refused above it) and touches
   * no schedule line; the loan stays WRITTEN_OFF. PaymentReceived is delivered as for any payment.
   */
  private PaymentResult recover(Loan loan, PaymentCommand command, BigDecimal amount, String receivedBy,
      Instant now, boolean deliverWithBooking) {
    if (amount.compareTo(loan.getChargedOffBalance()) > 0) {
      throw invalid("amount", "must not exceed the written-off balance still to recover: "
          + loan.getChargedOffBalance().toPlainString() + " " + loan.getCurrency());
    }
    loan.recover(amount);
    Payment payment = Payment.recovery(loan, new Payment.Received(command.paymentReference(), amount,
        command.valueDate(), command.channel(), now, receivedBy));
    payments.saveAndFlush(payment);
    auditTrail.record(receivedBy, "RECOVERY_RECEIVED", "loan", loan.getLoanNumber(), "payment "
        + command.paymentReference() + " " + amount.toPlainString() + " " + loan.getCurrency() + " after write-off, "
        + loan.getChargedOffBalance().toPlainString() + " left to recover");
    log.info("Recovery {} booked on written-off loan {}", command.paymentReference(), loan.getLoanNumber());
    deliver(payment, deliverWithBooking);
    return new PaymentResult(PaymentView.of(payment, List.of()), true);
  }

  private PaymentView view(Payment payment) {
    return PaymentView.of(payment, allocations.findByPaymentIdOrderBySequenceNumberAsc(payment.getId()));
  }

  /** Field shape, whoever calls (the REST layer checks the same with Bean Validation first). */
  private static void checkShape(PaymentCommand command) {
    List<FieldProblem> problems = new ArrayList<>();
    if (command == null) {
      throw new InvalidRequestException(List.of(new FieldProblem("payment", "is required")));
    }
    String reference = command.paymentReference();
    if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH
        || !reference.strip().equals(reference)) {
      problems.add(new FieldProblem("paymentReference", "must be 1 to 64 characters without padding"));
    }
    BigDecimal amount = command.amount();
    if (amount == null || amount.signum() <= 0) {
      problems.add(new FieldProblem("amount", "must be positive"));
    } else if (amount.stripTrailingZeros().scale() > Money.SCALE || amount.precision() - amount.scale() > 17) {
      problems.add(new FieldProblem("amount", "must be whole cents, at most 17 whole digits"));
    }
    if (command.valueDate() == null) {
      problems.add(new FieldProblem("valueDate", "is required"));
    }
    if (command.channel() == null) {
      problems.add(new FieldProblem("channel", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  private static NotFoundException notFound(String loanNumber) {
    return new NotFoundException("No loan " + loanNumber + ".");
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(BACK_OFF_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a payment", e);
    }
  }
}
