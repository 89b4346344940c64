package io.creditflow.servicing;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A schedule version written by a ledger action (recall, restructuring): who, why, when. Append-only; one row a
 * version, so a retried action recognises its own work.
 */
@Entity
@Table(name = "cf_schedule_change")
public class ScheduleChange extends AssignedIdEntity {

  static final int MAX_REASON = 200;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "schedule_version", nullable = false, updatable = false)
  private int scheduleVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private ScheduleChangeKind kind;

  @Column(name = "effective_on", nullable = false, updatable = false)
  private LocalDate effectiveOn;

  @Column(updatable = false)
  private Integer months;

  @Column(name = "regular_instalment", precision = 19, scale = 2, updatable = false)
  private BigDecimal regularInstalment;

  @Column(nullable = false, length = MAX_REASON, updatable = false)
  private String reason;

  @Column(name = "changed_by", nullable = false, length = 64, updatable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  protected ScheduleChange() {}

  static ScheduleChange of(Loan loan, ScheduleChangeKind kind, LocalDate effectiveOn, Integer months,
      BigDecimal regularInstalment, String reason, String changedBy, Instant changedAt) {
    ScheduleChange change = new ScheduleChange();
    change.id = UUID.randomUUID().toString();
    change.loanNumber = loan.getLoanNumber();
    change.scheduleVersion = loan.getScheduleVersion();
    change.kind = Objects.requireNonNull(kind);
    change.effectiveOn = Objects.requireNonNull(effectiveOn);
    change.months = months;
    change.regularInstalment = regularInstalment;
    change.reason = reason;
    change.changedBy = Objects.requireNonNull(changedBy);
    change.changedAt = changedAt.truncatedTo(ChronoUnit.SECONDS);
    return change;
  }

  public String getLoanNumber() { return loanNumber; }
  public int getScheduleVersion() { return scheduleVersion; }
  public ScheduleChangeKind getKind() { return kind; }
  public LocalDate getEffectiveOn() { return effectiveOn; }
  public Integer getMonths() { return months; }
  public BigDecimal getRegularInstalment() { return regularInstalment; }
  public String getReason() { return reason; }
  public String getChangedBy() { return changedBy; }
  public Instant getChangedAt() { return changedAt; }
}
