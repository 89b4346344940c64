package io.creditflow.complaint;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a complaint's history (no personal data in {@code detail}). */
@Entity
@Table(name = "cf_complaint_event")
public class ComplaintEvent extends AssignedIdEntity {

  @Column(name = "complaint_id", nullable = false, length = 36, updatable = false)
  private String complaintId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequenceNumber;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 32, updatable = false)
  private String kind;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(length = 500, updatable = false)
  private String detail;

  protected ComplaintEvent() {}

  ComplaintEvent(String complaintId, int sequenceNumber, Instant at, String kind, String actor, String detail) {
    this.id = UUID.randomUUID().toString();
    this.complaintId = complaintId;
    this.sequenceNumber = sequenceNumber;
    this.occurredAt = Complaint.seconds(at);
    this.kind = kind;
    this.actor = actor;
    this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
  }

  public String getComplaintId() { return complaintId; }
  public int getSequenceNumber() { return sequenceNumber; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getKind() { return kind; }
  public String getActor() { return actor; }
  public String getDetail() { return detail; }
}
