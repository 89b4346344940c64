package io.creditflow.collection;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing done on a collection case ({@code cf_collection_action}, append-only): when, in which stage, what and
 * through which channel, its unit cost (from {@code creditflow.collection.unit-costs}, in the case's currency), its
 * outcome (a call outcome, a policy reason, a bureau report kind ...), a reference (notification id, contact
 * decision id, payment reference, hardship request id, ...) and who did it ({@code system:collection} for the
 * process). Numbered per case by {@code sequenceNumber}.
 */
@Entity
@Table(name = "cf_collection_action")
public class CollectionAction extends AssignedIdEntity {

  /** The actor of what the process does by itself. */
  public static final String SYSTEM = "system:collection";

  @Column(name = "case_id", nullable = false, length = 36, updatable = false)
  private String caseId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequenceNumber;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private CollectionStage stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private CollectionActionType action;

  @Column(length = 16, updatable = false)
  private String channel;

  @Column(name = "unit_cost", nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal unitCost;

  @Column(length = 40, updatable = false)
  private String outcome;

  @Column(length = 128, updatable = false)
  private String reference;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  protected CollectionAction() {}

  static CollectionAction of(CollectionCase c, CollectionActionType action, String channel, BigDecimal unitCost,
      String outcome, String reference, String actor, Instant at) {
    CollectionAction a = new CollectionAction();
    a.id = UUID.randomUUID().toString();
    a.caseId = c.getId();
    a.sequenceNumber = c.nextActionSequence();
    a.loanNumber = c.getLoanNumber();
    a.occurredAt = CollectionCase.seconds(at);
    a.stage = c.getCurrentStage();
    a.action = Objects.requireNonNull(action);
    a.channel = channel;
    a.unitCost = Objects.requireNonNull(unitCost);
    a.outcome = outcome == null || outcome.length() <= 40 ? outcome : outcome.substring(0, 40);
    a.reference = reference == null || reference.length() <= 128 ? reference : reference.substring(0, 128);
    a.actor = actor == null ? SYSTEM : actor;
    return a;
  }

  public String getCaseId() { return caseId; }
  public int getSequenceNumber() { return sequenceNumber; }
  public String getLoanNumber() { return loanNumber; }
  public Instant getOccurredAt() { return occurredAt; }
  public CollectionStage getStage() { return stage; }
  public CollectionActionType getAction() { return action; }
  public String getChannel() { return channel; }
  public BigDecimal getUnitCost() { return unitCost; }
  public String getOutcome() { return outcome; }
  public String getReference() { return reference; }
  public String getActor() { return actor; }
}
