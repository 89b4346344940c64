package io.creditflow.cob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One step of a run ({@code cf_cob_step}): counts and time summed over its chunks, and {@code lastKey}, the keyset
 * cursor after the last committed chunk, from which a resumed step goes on.
 */
@Entity
@Table(name = "cf_cob_step")
public class CobStep {

  private static final int MAX_ERROR = 1000;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "run_id", nullable = false, length = 36, updatable = false)
  private String runId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private CobStepName step;

  @Column(name = "step_order", nullable = false, updatable = false)
  private int stepOrder;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CobStepStatus status;

  @Column(nullable = false)
  private int processed;

  @Column(nullable = false)
  private int failed;

  @Column(nullable = false)
  private int skipped;

  @Column(nullable = false)
  private int chunks;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "last_key", length = 64)
  private String lastKey;

  @Column(name = "last_error", length = MAX_ERROR)
  private String lastError;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(nullable = false)
  private Long version;

  protected CobStep() {}

  static CobStep pending(String runId, CobStepName name) {
    CobStep step = new CobStep();
    step.id = UUID.randomUUID().toString();
    step.runId = runId;
    step.step = name;
    step.stepOrder = name.ordinal() + 1;
    step.status = CobStepStatus.PENDING;
    return step;
  }

  /** Adds a committed chunk: counts, time, the new cursor; COMPLETED when nothing remains. */
  void chunkDone(ChunkResult result, long millis, Instant now) {
    if (startedAt == null) {
      startedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }
    processed += result.processed();
    failed += result.failed();
    skipped += result.skipped();
    chunks++;
    durationMs += millis;
    lastKey = result.lastKey();
    status = result.more() ? CobStepStatus.RUNNING : CobStepStatus.COMPLETED;
    if (!result.more()) {
      finishedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** The last chunk failed as a whole; the job retries it. */
  void chunkFailed(String error, long millis, Instant now) {
    if (startedAt == null) {
      startedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }
    status = CobStepStatus.FAILED;
    durationMs += millis;
    lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
  }

  /** A loan this step recorded and skipped: the message shows on the step too. */
  void loanFailed(String error) {
    lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
  }

  public String getId() { return id; }
  public String getRunId() { return runId; }
  public CobStepName getStep() { return step; }
  public int getStepOrder() { return stepOrder; }
  public CobStepStatus getStatus() { return status; }
  public int getProcessed() { return processed; }
  public int getFailed() { return failed; }
  public int getSkipped() { return skipped; }
  public int getChunks() { return chunks; }
  public long getDurationMs() { return durationMs; }
  public String getLastKey() { return lastKey; }
  public String getLastError() { return lastError; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getFinishedAt() { return finishedAt; }
  public Long getVersion() { return version; }
}
