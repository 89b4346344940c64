package io.creditflow.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The customer asked that the lender stop contacting them about a loan ({@code cf_cease_contact_request}); active until
 * withdrawn. The note is the customer's own text: shown to staff, never logged.
 */
@Entity
@Table(name = "cf_cease_contact_request")
public class CeaseContactRequest {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "request_reference", nullable = false, length = 64, updatable = false)
  private String requestReference;

  @Column(length = 500, updatable = false)
  private String note;

  @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "withdrawn_by", length = 64)
  private String withdrawnBy;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Version
  private Long version;

  protected CeaseContactRequest() {}

  CeaseContactRequest(String loanNumber, String requestReference, String note, String requestedBy,
      Instant requestedAt) {
    this.id = UUID.randomUUID().toString();
    this.loanNumber = loanNumber;
    this.requestReference = requestReference;
    this.note = note;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
  }

  /** Whether a repeat of this request (same reference) says the same. */
  boolean sameAs(String loanNumber, String note) {
    return this.loanNumber.equals(loanNumber) && Objects.equals(this.note, note);
  }

  /** Withdraws it; false when it was withdrawn already. */
  boolean withdraw(String actor, Instant at) {
    if (withdrawnAt != null) {
      return false;
    }
    withdrawnBy = actor;
    withdrawnAt = at;
    return true;
  }

  public boolean isActive() { return withdrawnAt == null; }
  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getRequestReference() { return requestReference; }
  public String getNote() { return note; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getWithdrawnBy() { return withdrawnBy; }
  public Instant getWithdrawnAt() { return withdrawnAt; }
}
