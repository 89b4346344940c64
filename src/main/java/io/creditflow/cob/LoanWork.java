package io.creditflow.cob;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 * caller gives (e.g. a new engine command); {@link #eachInGroups}: groups of loans in one such isolation each, a failed
 * group loan by loan again; {@link #eachInGroupsInOwnTransaction}: the same with a new transaction of its own for each
 * group and each loan worked again.
 *
 * <p>{@link #each} and {@link #eachInGroups} work up to {@code creditflow.cob.parallelism} loans (groups) at the same
 * time on a pool of worker threads: safe because each loan's (group's) work is isolated in its own transaction and
 * touches only its own loans' rows (and the engine's, which Camunda guards with optimistic locking). The chunk's job
 * waits for all of them, then tallies in loan order, so counts, cursor and recorded errors are the same as one after
 * the other.
 * {@link #inOneThenEach} stays sequential: its first attempt is a single transaction.
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
  private final int parallelism;
  private final ExecutorService workers;

  LoanWork(PlatformTransactionManager transactionManager, CobLoanErrorRepository errors, Clock clock,
      CobProperties properties) {
    this.requiresNew = new TransactionTemplate(transactionManager);
    this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.errors = errors;
    this.clock = clock;
    this.parallelism = properties.parallelism();
    this.workers = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, new Workers()) : null;
  }

  @PreDestroy
  void stop() {
    if (workers != null) {
      workers.shutdownNow();
    }
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

  <T> Tally each(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber,
      Work<T> isolatedWork) {
    Tally tally = new Tally();
    RuntimeException first = worked(runId, step, items, loanNumber, isolatedWork, tally);
    failIfAllFailed(step, items.size(), tally, first);
    return tally;
  }

  /**
   * As {@link #each}, with up to {@code groupSize} loans sharing one isolation: {@code groupWork} works a whole group
   * (e.g. in one engine command, so one commit for the group instead of one per loan) and answers one outcome per
   * loan, in order. A group whose work fails is rolled back as a whole and its loans are worked again one by one with
   * {@code isolatedWork}, so a failing loan is still recorded and skipped alone. Groups run on the workers in
   * parallel as {@link #each}'s loans do.
   */
  <T> Tally eachInGroups(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber, int groupSize,
      Function<List<T>, List<Outcome>> groupWork, Work<T> isolatedWork) {
    List<List<T>> groups = new ArrayList<>();
    for (int i = 0; i < items.size(); i += groupSize) {
      groups.add(items.subList(i, Math.min(items.size(), i + groupSize)));
    }
    List<GroupAttempt> attempts = onWorkers(groups, group -> {
      try {
        List<Outcome> outcomes = groupWork.apply(group);
        if (outcomes.size() != group.size()) {
          throw new IllegalStateException(outcomes.size() + " outcomes for a group of " + group.size());
        }
        return new GroupAttempt(outcomes, null);
      } catch (RuntimeException e) {
        return new GroupAttempt(null, e);
      }
    });
    Tally tally = new Tally();
    List<T> again = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      GroupAttempt attempt = attempts.get(i);
      if (attempt.error() == null) {
        attempt.outcomes().forEach(tally::add);
      } else {
        log.info("COB {} run {}: a group of {} failed ({}); working its loans one by one", step, runId,
            groups.get(i).size(), describe(attempt.error()));
        again.addAll(groups.get(i));
      }
    }
    RuntimeException first = worked(runId, step, again, loanNumber, isolatedWork, tally);
    failIfAllFailed(step, items.size(), tally, first);
    return tally;
  }

  /**
   * {@link #eachInGroups} with each group, and each loan worked again alone, in a new transaction of its own
   * (suspending the engine's).
   */
  <T> Tally eachInGroupsInOwnTransaction(String runId, CobStepName step, List<T> items,
      Function<T, String> loanNumber, int groupSize, Function<List<T>, List<Outcome>> groupWork, Work<T> work) {
    return eachInGroups(runId, step, items, loanNumber, groupSize,
        group -> requiresNew.execute(status -> groupWork.apply(group)),
        item -> requiresNew.execute(status -> work.apply(item)));
  }

  /** Works {@code items} one by one in the isolation {@code isolatedWork} gives; failures recorded in the tally. */
  private <T> RuntimeException worked(String runId, CobStepName step, List<T> items, Function<T, String> loanNumber,
      Work<T> isolatedWork, Tally tally) {
    List<Attempt> attempts = onWorkers(items, item -> attempt(isolatedWork, item));
    RuntimeException first = null;
    for (int i = 0; i < items.size(); i++) {
      Attempt attempt = attempts.get(i);
      if (attempt.error() == null) {
        tally.add(attempt.outcome());
        continue;
      }
      RuntimeException e = attempt.error();
      first = first == null ? e : first;
      String message = describe(e);
      String loan = loanNumber.apply(items.get(i));
      record(runId, step, loan, message);
      tally.failed(message);
      log.warn("COB {} run {}: loan {} recorded and skipped: {}", step, runId, loan, message);
    }
    return first;
  }

  private static void failIfAllFailed(CobStepName step, int loans, Tally tally, RuntimeException first) {
    if (loans >= 2 && tally.failed == loans) {
      throw new IllegalStateException("Every loan of a chunk of " + loans + " failed in step " + step
          + "; first: " + describe(first), first);
    }
  }

  /** One group's result: an outcome per loan or the error the group failed with. */
  private record GroupAttempt(List<Outcome> outcomes, RuntimeException error) {}

  /** One loan's result: an outcome or the error it failed with. */
  private record Attempt(Outcome outcome, RuntimeException error) {}

  private static <T> Attempt attempt(Work<T> work, T item) {
    try {
      return new Attempt(work.apply(item), null);
    } catch (RuntimeException e) {
      return new Attempt(null, e);
    }
  }

  /** {@code task} for each item, on the workers when there are several (else here), results in item order. */
  private <T, R> List<R> onWorkers(List<T> items, Function<T, R> task) {
    if (parallelism <= 1 || items.size() <= 1) {
      return items.stream().map(task).toList();
    }
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(workers.submit(() -> task.apply(item)));
    }
    List<R> results = new ArrayList<>(items.size());
    try {
      for (Future<R> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(future -> future.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the loans of a chunk were worked", e);
    } catch (ExecutionException | CancellationException e) {
      // the tasks catch every RuntimeException: only an Error or a shut-down pool gets here
      futures.forEach(future -> future.cancel(true));
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("A loan's work could not be run: " + cause, cause);
    }
    return results;
  }

  /** Daemon worker threads named {@code cob-worker-N}. */
  private static final class Workers implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "cob-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
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
