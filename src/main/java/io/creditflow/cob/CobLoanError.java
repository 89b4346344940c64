package io.creditflow.cob;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A loan a step could not handle and skipped ({@code cf_cob_loan_error}). Loan number and message only. */
@Entity
@Table(name = "cf_cob_loan_error")
public class CobLoanError extends AssignedIdEntity {

  static final int MAX_MESSAGE = 1000;

  @Column(name = "run_id", nullable = false, length = 36, updatable = false)
  private String runId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private CobStepName step;

  @Column(name = "loan_number", nullable = false, length = 64, updatable = false)
  private String loanNumber;

  @Column(nullable = false, length = MAX_MESSAGE, updatable = false)
  private String message;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected CobLoanError() {}

  CobLoanError(String runId, CobStepName step, String loanNumber, String message, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.runId = runId;
    this.step = step;
    this.loanNumber = loanNumber;
    this.message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    this.occurredAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getRunId() { return runId; }
  public CobStepName getStep() { return step; }
  public String getLoanNumber() { return loanNumber; }
  public String getMessage() { return message; }
  public Instant getOccurredAt() { return occurredAt; }
}
