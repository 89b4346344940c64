package io.creditflow.cob;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works one chunk of one step, called by the step's task once per job: the model loops the task while
 * {@code moreToDo}. The step's cursor and counts are updated in the caller's transaction, i.e. the job's: they commit
 * with the job, and a job that dies mid-chunk leaves the cursor at the last committed chunk, from which the retried
 * job goes on. A chunk that fails as a whole is written to the step and run as FAILED (in a transaction of its own,
 * as the job's rolls back) and rethrown: the job is retried, then becomes an incident.
 */
@Service
public class CobStepRunner {

  private static final Logger log = LoggerFactory.getLogger(CobStepRunner.class);

  private final Map<CobStepName, ChunkStep> steps = new EnumMap<>(CobStepName.class);
  private final CobRunRepository runs;
  private final CobStepRepository stepRecords;
  private final CobProperties properties;
  private final Clock clock;
  private final TransactionTemplate requiresNew;

  CobStepRunner(List<ChunkStep> steps, CobRunRepository runs, CobStepRepository stepRecords,
      CobProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
    steps.forEach(step -> this.steps.put(step.name(), step));
    this.runs = runs;
    this.stepRecords = stepRecords;
    this.properties = properties;
    this.clock = clock;
    this.requiresNew = new TransactionTemplate(transactionManager);
    this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the next chunk of {@code step} in run {@code runId}; true when more remains. */
  @Transactional
  public boolean runChunk(String runId, CobStepName name) {
    CobRun run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("No COB run " + runId));
    CobStep step = stepRecords.findByRunIdAndStep(runId, name)
        .orElseThrow(() -> new IllegalStateException("No step " + name + " in COB run " + runId));
    if (step.getStatus() == CobStepStatus.COMPLETED) {
      return false;
    }
    ChunkStep worker = steps.get(name);
    if (worker == null) {
      throw new IllegalStateException("No implementation of COB step " + name);
    }
    long started = System.nanoTime();
    ChunkResult result;
    try {
      result = worker.runChunk(run, step.getLastKey(), properties.chunkSize());
    } catch (RuntimeException e) {
      recordFailure(runId, name, LoanWork.describe(e), millisSince(started));
      throw e;
    }
    step.chunkDone(result, millisSince(started), clock.instant());
    if (result.lastError() != null) {
      step.loanFailed(result.lastError());
    }
    run.running();
    log.info("COB {} {}: chunk after {} processed {}, failed {}, skipped {}{}", run.getBusinessDate(), name,
        step.getLastKey(), result.processed(), result.failed(), result.skipped(), result.more() ? ", more" : "");
    return result.more();
  }

  private void recordFailure(String runId, CobStepName name, String error, long millis) {
    try {
      requiresNew.executeWithoutResult(status -> {
        stepRecords.findByRunIdAndStep(runId, name).ifPresent(step -> step.chunkFailed(error, millis, clock.instant()));
        runs.findById(runId).ifPresent(CobRun::failed);
      });
    } catch (RuntimeException e) {
      log.error("COB run {} step {}: the failure could not be recorded", runId, name, e);
    }
    log.error("COB run {} step {} failed: {}", runId, name, error);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
