package io.creditflow.legal;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One step of a legal case ({@code cf_legal_step}, append-only): what happened, who did it, a short detail (no
 * personal data), its cost to the lender (filing costs, enforcement costs; 0 otherwise) and a reference.
 */
@Entity
@Table(name = "cf_legal_step")
public class LegalStep extends AssignedIdEntity {

  /** The actor of what the process does by itself. */
  public static final String SYSTEM = "system:legal";

  /** Kinds of step. */
  public enum Kind {
    OPENED, CASE_FILE, REVIEW, SETTLEMENT_OFFERED, SETTLEMENT_ACCEPTED, SETTLEMENT_LAPSED, LAWSUIT_FILED,
    JUDGMENT, ENFORCEMENT, PAYMENT, WRITE_OFF_PROPOSED, WRITE_OFF_REJECTED, WRITTEN_OFF, FORGIVEN, PAID_IN_FULL,
    RETURNED_TO_COLLECTION
  }

  @Column(name = "case_id", nullable = false, length = 36, updatable = false)
  private String caseId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequenceNumber;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 32, updatable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Kind kind;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(length = 500, updatable = false)
  private String detail;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal cost;

  @Column(length = 128, updatable = false)
  private String reference;

  protected LegalStep() {}

  static LegalStep of(String caseId, int sequence, Kind kind, String actor, String detail, BigDecimal cost,
      String reference, Instant at) {
    LegalStep s = new LegalStep();
    s.id = UUID.randomUUID().toString();
    s.caseId = caseId;
    s.sequenceNumber = sequence;
    s.occurredAt = at.truncatedTo(ChronoUnit.SECONDS);
    s.kind = kind;
    s.actor = actor == null ? SYSTEM : actor;
    s.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    s.cost = (cost == null ? BigDecimal.ZERO : cost).setScale(2, RoundingMode.HALF_UP);
    s.reference = reference == null || reference.length() <= 128 ? reference : reference.substring(0, 128);
    return s;
  }

  public String getCaseId() { return caseId; }
  public int getSequenceNumber() { return sequenceNumber; }
  public Instant getOccurredAt() { return occurredAt; }
  public Kind getKind() { return kind; }
  public String getActor() { return actor; }
  public String getDetail() { return detail; }
  public BigDecimal getCost() { return cost; }
  public String getReference() { return reference; }
}
