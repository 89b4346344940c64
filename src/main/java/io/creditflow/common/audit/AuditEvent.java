package io.creditflow.common.audit;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded action. Append-only: there are no setters. */
@Entity
@Table(name = "cf_audit_event")
public class AuditEvent extends AssignedIdEntity {

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(name = "subject_type", nullable = false, length = 64)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, length = 128)
  private String subjectId;

  @Column(length = 1000)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail) {
    this.id = UUID.randomUUID().toString();
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.detail = detail;
  }

  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public String getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getDetail() { return detail; }
}
