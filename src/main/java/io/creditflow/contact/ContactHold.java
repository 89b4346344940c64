package io.creditflow.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One source's hold on a loan ({@code cf_contact_hold}), active until released. */
@Entity
@Table(name = "cf_contact_hold")
public class ContactHold {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(nullable = false, length = 128, updatable = false)
  private String source;

  @Column(length = 500, updatable = false)
  private String reason;

  @Column(name = "held_at", nullable = false, updatable = false)
  private Instant heldAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Version
  private Long version;

  protected ContactHold() {}

  ContactHold(String loanNumber, String source, String reason, Instant heldAt) {
    this.id = UUID.randomUUID().toString();
    this.loanNumber = loanNumber;
    this.source = source;
    this.reason = reason;
    this.heldAt = heldAt;
  }

  void release(Instant at) {
    if (releasedAt == null) {
      releasedAt = at;
    }
  }

  public boolean isActive() { return releasedAt == null; }
  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getSource() { return source; }
  public String getReason() { return reason; }
  public Instant getHeldAt() { return heldAt; }
  public Instant getReleasedAt() { return releasedAt; }
}
