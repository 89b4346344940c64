package io.creditflow.servicing;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of a credit line's limit, kept for audit and for limit reviews. Append-only: there are no setters.
 * {@link #getPreviousLimit()} is null for the opening entry.
 */
@Entity
@Table(name = "cf_credit_limit_change")
public class CreditLimitChange extends AssignedIdEntity {

  @Column(name = "credit_line_id", nullable = false, length = 36, updatable = false)
  private String creditLineId;

  @Column(name = "previous_limit", precision = 19, scale = 2, updatable = false)
  private BigDecimal previousLimit;

  @Column(name = "new_limit", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal newLimit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private LimitChangeReason reason;

  @Column(length = 200, updatable = false)
  private String note;

  @Column(name = "changed_by", nullable = false, length = 64, updatable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  /** Append-only rows are always inserted: no select-before-insert by {@code save}. */

  protected CreditLimitChange() {}

  static CreditLimitChange of(String creditLineId, BigDecimal previousLimit, BigDecimal newLimit,
      LimitChangeReason reason, String changedBy, Instant changedAt) {
    return of(creditLineId, previousLimit, newLimit, reason, changedBy, changedAt, null);
  }

  /** With the free-text reason a process gave ({@code note}, cut to 200 characters). */
  static CreditLimitChange of(String creditLineId, BigDecimal previousLimit, BigDecimal newLimit,
      LimitChangeReason reason, String changedBy, Instant changedAt, String note) {
    CreditLimitChange change = new CreditLimitChange();
    change.id = UUID.randomUUID().toString();
    change.creditLineId = Objects.requireNonNull(creditLineId);
    change.previousLimit = previousLimit == null ? null : Money.exactCents(previousLimit, "previousLimit");
    change.newLimit = Money.exactCents(newLimit, "newLimit");
    change.reason = Objects.requireNonNull(reason);
    change.note = note == null || note.length() <= 200 ? note : note.substring(0, 200);
    change.changedBy = Objects.requireNonNull(changedBy);
    change.changedAt = changedAt.truncatedTo(ChronoUnit.SECONDS);
    return change;
  }

  public String getCreditLineId() { return creditLineId; }
  public BigDecimal getPreviousLimit() { return previousLimit; }
  public BigDecimal getNewLimit() { return newLimit; }
  public LimitChangeReason getReason() { return reason; }
  public String getNote() { return note; }
  public String getChangedBy() { return changedBy; }
  public Instant getChangedAt() { return changedAt; }
}
