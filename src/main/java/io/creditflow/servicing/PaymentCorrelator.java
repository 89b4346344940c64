package io.creditflow.servicing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a booked payment's {@value #MESSAGE} message to every process instance of the loan that waits for it
 * (business key = loan number), with process variables {@code paymentReference} (String) and {@code amount} (Double).
 *
 * <p>{@link #deliverWithBooking}: in the booking's transaction, once; the booking, the correlation and the recorded
 * outcome commit together. When that fails, the booking is rolled back and done again, and then {@link #deliver} runs
 * after the payment committed, in transactions of its own: the payment is never lost because a process could not
 * take the message. The correlation and the recorded outcome commit together. A concurrent change of the same
 * process instance (the engine's {@link OptimisticLockingException}) is retried with a short, doubling back-off; when
 * every attempt fails, or on any other error, the payment is marked FAILED with the reason, to be redelivered later.
 * No process waiting is fine: NOT_WAITED.
 */
@Component
class PaymentCorrelator {

  static final String MESSAGE = "PaymentReceived";
  private static final Logger log = LoggerFactory.getLogger(PaymentCorrelator.class);

  private final PaymentRepository payments;
  private final RuntimeService runtime;
  private final ServicingProperties rules;
  private final Clock clock;
  private final TransactionTemplate separate;

  PaymentCorrelator(PaymentRepository payments, RuntimeService runtime, ServicingProperties rules, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.payments = payments;
    this.runtime = runtime;
    this.rules = rules;
    this.clock = clock;
    this.separate = new TransactionTemplate(transactionManager);
    // called from afterCommit, where the committed transaction's resources are still bound: always a new one
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Delivers the message of {@code payment} once, in the caller's transaction (the booking's), and records the outcome
   * on the payment, so the delivery commits with the booking. Throws what the correlation throws (the caller then
   * books again and delivers with {@link #deliver} after the commit).
   */
  CorrelationStatus deliverWithBooking(Payment payment) {
    CorrelationStatus outcome = correlate(payment, 1);
    log.info("PaymentReceived of payment {}: {} (with the booking)", payment.getId(), outcome);
    return outcome;
  }

  /** Delivers the message of payment {@code paymentId}; never throws. Returns the recorded outcome. */
  CorrelationStatus deliver(String paymentId) {
    int attempts = rules.correlationAttempts();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      int tried = attempt;
      try {
        CorrelationStatus status = separate.execute(tx ->
            correlate(payments.findById(paymentId).orElseThrow(), tried));
        log.info("PaymentReceived of payment {}: {}", paymentId, status);
        return status;
      } catch (OptimisticLockingException | OptimisticLockingFailureException e) {
        if (attempt == attempts) {
          return failed(paymentId, attempts, e);
        }
        pause(attempt);
      } catch (RuntimeException e) {
        return failed(paymentId, attempt, e);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private CorrelationStatus correlate(Payment payment, int attempts) {
    List<MessageCorrelationResult> results = runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(payment.getLoanNumber())
        .setVariable("paymentReference", payment.getPaymentReference())
        .setVariable("amount", payment.getAmount().doubleValue())
        .correlateAllWithResult();
    CorrelationStatus outcome = results.isEmpty() ? CorrelationStatus.NOT_WAITED : CorrelationStatus.DELIVERED;
    payment.correlated(outcome, results.size(), null, now(), attempts);
    return outcome;
  }

  private CorrelationStatus failed(String paymentId, int attempts, RuntimeException cause) {
    log.warn("PaymentReceived of payment {} failed after {} attempt(s): {}", paymentId, attempts,
        cause.getClass().getSimpleName());
    try {
      separate.executeWithoutResult(tx -> payments.findById(paymentId).ifPresent(payment -> payment.correlated(
          CorrelationStatus.FAILED, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage(), now(),
          attempts)));
    } catch (RuntimeException e) {
      // stays PENDING: redelivered once older than creditflow.servicing.redeliver-pending-after
      log.warn("Could not record the failed delivery of payment {}: {}", paymentId, e.getClass().getSimpleName());
    }
    return CorrelationStatus.FAILED;
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(rules.correlationBackOff().toMillis() << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
