package io.creditflow.cob;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the per-loan work of a chunk so that one failing loan is recorded and skipped and never blocks the book.
 *
 * <p>{@link #inOneThenEach}: the whole chunk in one new transaction (suspending the engine's); if that fails, each
 * loan again in its own new transaction, and those that still fail are recorded in {@code cf_cob_loan_error}. The
 * work commits independently of the job that runs the chunk, so it must be idempotent: the job's own transaction
 * (cursor, counts) may still roll back, and the chunk is then redone. {@link #each}: every loan in the isolation the
 * caller gives (e.g. a new engine command); {@link #eachInOwnTransaction}: every loan in a new transaction of its own.
 *
 * <p>When every loan of a chunk of two or more fails, the cause is not the loans: the chunk fails as a whole, so the
 * job is retried and ends as an incident instead of marking the whole book as failed.
 */
@Component
class LoanWork {

  private static final Logger log = LoggerFactory.getLogger(LoanWork.class);

  /** What happened to one loan. */
  enum Outcome { PROCESSED, SKIPPED }

  /** The work for one loan. */
  @FunctionalInterface
  interface Work<T> {
    Outcome apply(T item);
  }

  private final TransactionTemplate requiresNew;
  private final CobLoanErrorRepository errors;
  private final Clock clock;

  LoanWork(PlatformTransactionManager transactionManager, CobLoanErrorRepository errors, Clock clock) {
    this.requiresNew = new TransactionTemplate(transactionManager);
    this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.errors = errors;
    this.clock = clock;
  }

  <T> Tally inOneThenEach(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber,
      Work<T> work) {
    if (items.isEmpty()) {
      return new Tally();
    }
    try {
      return requiresNew.execute(status -> {
        Tally tally = new Tally();
        items.forEach(item -> tally.add(work.apply(item)));
        return tally;
      });
    } catch (RuntimeException chunkFailure) {
      log.warn("COB {} run {}: a chunk of {} failed ({}); handling its loans one by one", step, runId, items.size(),
          chunkFailure.getClass().getSimpleName());
      return each(runId, step, items, loanNumber, item -> requiresNew.execute(status -> work.apply(item)));
    }
  }

  /** Each loan in its own new transaction; those that fail are recorded and skipped. */
  <T> Tally eachInOwnTransaction(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber,
      Work<T> work) {
    return each(runId, step, items, loanNumber, item -> requiresNew.execute(status -> work.apply(item)));
  }

  <T> Tally each(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber,
      Work<T> isolatedWork) {
    Tally tally = new Tally();
    RuntimeException first = null;
    for (T item : items) {
      try {
        tally.add(isolatedWork.apply(item));
      } catch (RuntimeException e) {
        first = first == null ? e : first;
        String message = describe(e);
        record(runId, step, loanNumber.apply(item), message);
        tally.failed(message);
        log.warn("COB {} run {}: loan {} recorded and skipped: {}", step, runId, loanNumber.apply(item), message);
      }
    }
    if (items.size() >= 2 && tally.failed == items.size()) {
      throw new IllegalStateException("Every loan of a chunk of " + items.size() + " failed in step " + step
          + "; first: " + describe(first), first);
    }
    return tally;
  }

  private void record(String runId, CobStepName step, String loanNumber, String message) {
    try {
      requiresNew.executeWithoutResult(status -> {
        if (!errors.existsByRunIdAndStepAndLoanNumber(runId, step, loanNumber)) {
          errors.saveAndFlush(new CobLoanError(runId, step, loanNumber, message, clock.instant()));
        }
      });
    } catch (DataIntegrityViolationException alreadyRecorded) {
      // another attempt recorded it first
    }
  }

  /** Class and message only: loan-level messages carry references, never personal data. */
  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause
        && (cause.getMessage() == null || cause instanceof org.springframework.transaction.TransactionException)) {
      cause = cause.getCause();
    }
    String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return text.length() > CobLoanError.MAX_MESSAGE ? text.substring(0, CobLoanError.MAX_MESSAGE) : text;
  }

  /** Counts of a chunk. */
  static final class Tally {
    int processed;
    int skipped;
    int failed;
    String lastError;

    void add(Outcome outcome) {
      if (outcome == Outcome.SKIPPED) {
        skipped++;
      } else {
        processed++;
      }
    }

    void failed(String message) {
      failed++;
      lastError = message;
    }

    ChunkResult result(String lastKey, boolean more) {
      return new ChunkResult(processed, failed, skipped, lastKey, more, lastError);
    }
  }
}
