package io.creditflow.cob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The close of business of one business date ({@code cf_cob_run}). {@code targetDate} is the date the process
 * instance was started for: a run closing an earlier, missed date on the way has a target after its business date.
 */
@Entity
@Table(name = "cf_cob_run")
public class CobRun {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "business_date", nullable = false, updatable = false)
  private LocalDate businessDate;

  @Column(name = "target_date", nullable = false)
  private LocalDate targetDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CobRunStatus status;

  @Column(name = "triggered_by", nullable = false, length = 64)
  private String triggeredBy;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(nullable = false)
  private Long version;

  protected CobRun() {}

  static CobRun start(LocalDate businessDate, LocalDate targetDate, String triggeredBy, Instant now) {
    CobRun run = new CobRun();
    run.id = UUID.randomUUID().toString();
    run.businessDate = businessDate;
    run.targetDate = targetDate;
    run.status = CobRunStatus.RUNNING;
    run.triggeredBy = triggeredBy;
    run.startedAt = now.truncatedTo(ChronoUnit.SECONDS);
    return run;
  }

  /** Taken up (again) by a process instance; a run that was left FAILED resumes from its steps' cursors. */
  void resume(String processInstanceId, LocalDate targetDate, String triggeredBy) {
    this.processInstanceId = processInstanceId;
    this.targetDate = targetDate;
    this.triggeredBy = triggeredBy;
    this.status = CobRunStatus.RUNNING;
  }

  void attach(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void running() {
    if (status == CobRunStatus.FAILED) {
      status = CobRunStatus.RUNNING;
    }
  }

  void failed() {
    status = CobRunStatus.FAILED;
  }

  void completed(Instant now) {
    status = CobRunStatus.COMPLETED;
    finishedAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getId() { return id; }
  public LocalDate getBusinessDate() { return businessDate; }
  public LocalDate getTargetDate() { return targetDate; }
  public CobRunStatus getStatus() { return status; }
  public String getTriggeredBy() { return triggeredBy; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getFinishedAt() { return finishedAt; }
  public Long getVersion() { return version; }
}
