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

/**
 * What closing a loan's day asks of a later step of the same run ({@code cf_cob_follow_up}), written in the same
 * transaction as the close: {@link Kind#COLLECTION} for step 3, {@link Kind#SETTLEMENT} for step 4; and what step 5
 * asks of step 6: {@link Kind#EARLY_WARNING}, a loan of a credit line reviewed in this run, whose signals step 6
 * checks.
 */
@Entity
@Table(name = "cf_cob_follow_up")
public class CobFollowUp extends AssignedIdEntity {

  /** The later step that handles it. */
  public enum Kind { COLLECTION, SETTLEMENT, EARLY_WARNING }

  @Column(name = "run_id", nullable = false, length = 36, updatable = false)
  private String runId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Kind kind;

  @Column(name = "loan_number", nullable = false, length = 64, updatable = false)
  private String loanNumber;

  @Column(name = "days_past_due", nullable = false, updatable = false)
  private int daysPastDue;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CobFollowUp() {}

  CobFollowUp(String runId, Kind kind, String loanNumber, int daysPastDue, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.runId = runId;
    this.kind = kind;
    this.loanNumber = loanNumber;
    this.daysPastDue = daysPastDue;
    this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getRunId() { return runId; }
  public Kind getKind() { return kind; }
  public String getLoanNumber() { return loanNumber; }
  public int getDaysPastDue() { return daysPastDue; }
  public Instant getCreatedAt() { return createdAt; }
}
