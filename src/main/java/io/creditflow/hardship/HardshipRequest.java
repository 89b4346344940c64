package io.creditflow.hardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's request for relief on one loan, the options the assessment computed, and the decision. While it is
 * REQUESTED, {@code openLoanNumber} holds the loan number; its unique key allows one open request per loan.
 */
@Entity
@Table(name = "cf_hardship_request")
public class HardshipRequest {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "open_loan_number", length = 14)
  private String openLoanNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason_code", nullable = false, length = 32, updatable = false)
  private HardshipReason reason;

  @Column(length = 500, updatable = false)
  private String note;

  @Column(name = "requested_extension_months", nullable = false, updatable = false)
  private int requestedExtensionMonths;

  @Column(name = "proposed_instalment", precision = 19, scale = 2, updatable = false)
  private BigDecimal proposedInstalment;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private HardshipStatus status;

  @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "current_instalment", precision = 19, scale = 2)
  private BigDecimal currentInstalment;

  @Column(name = "remaining_months")
  private Integer remainingMonths;

  @Column(name = "extension_months")
  private Integer extensionMonths;

  @Column(name = "extension_instalment", precision = 19, scale = 2)
  private BigDecimal extensionInstalment;

  @Column(name = "reduced_extension_months")
  private Integer reducedExtensionMonths;

  @Column(name = "reduced_instalment", precision = 19, scale = 2)
  private BigDecimal reducedInstalment;

  @Column(name = "options_at")
  private Instant optionsAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "chosen_option", length = 32)
  private HardshipDecision chosenOption;

  @Enumerated(EnumType.STRING)
  @Column(name = "decline_reason", length = 40)
  private HardshipDeclineReason declineReason;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "new_remaining_months")
  private Integer newRemainingMonths;

  @Column(name = "new_instalment", precision = 19, scale = 2)
  private BigDecimal newInstalment;

  @Version
  private Long version;

  protected HardshipRequest() {}

  static HardshipRequest open(String loanNumber, HardshipReason reason, String note, int requestedExtensionMonths,
      BigDecimal proposedInstalment, String requestedBy, Instant now) {
    HardshipRequest request = new HardshipRequest();
    request.id = UUID.randomUUID().toString();
    request.loanNumber = Objects.requireNonNull(loanNumber);
    request.openLoanNumber = loanNumber;
    request.reason = Objects.requireNonNull(reason);
    request.note = note;
    request.requestedExtensionMonths = requestedExtensionMonths;
    request.proposedInstalment = proposedInstalment;
    request.status = HardshipStatus.REQUESTED;
    request.requestedBy = Objects.requireNonNull(requestedBy);
    request.requestedAt = seconds(now);
    return request;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Records the options computed for the assessment (a reduced option of null: none reaches the proposal). */
  void optionsComputed(BigDecimal currentInstalment, int remainingMonths, BigDecimal extensionInstalment,
      Integer reducedExtensionMonths, BigDecimal reducedInstalment, Instant now) {
    this.currentInstalment = currentInstalment;
    this.remainingMonths = remainingMonths;
    this.extensionMonths = requestedExtensionMonths;
    this.extensionInstalment = extensionInstalment;
    this.reducedExtensionMonths = reducedExtensionMonths;
    this.reducedInstalment = reducedInstalment;
    this.optionsAt = seconds(now);
  }

  /** The officer's decision; the request stays REQUESTED until the loan is restructured or the customer told. */
  void decided(HardshipDecision decision, HardshipDeclineReason declineReason, Integer newRemainingMonths,
      String user, Instant now) {
    this.chosenOption = decision;
    this.declineReason = declineReason;
    this.newRemainingMonths = newRemainingMonths;
    this.decidedBy = user;
    this.decidedAt = seconds(now);
  }

  void approved(BigDecimal newInstalment) {
    this.newInstalment = newInstalment;
    this.status = HardshipStatus.APPROVED;
    this.openLoanNumber = null;
  }

  void declined() {
    this.status = HardshipStatus.DECLINED;
    this.openLoanNumber = null;
  }

  boolean isOpen() {
    return status == HardshipStatus.REQUESTED;
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public HardshipReason getReason() { return reason; }
  public String getNote() { return note; }
  public int getRequestedExtensionMonths() { return requestedExtensionMonths; }
  public BigDecimal getProposedInstalment() { return proposedInstalment; }
  public HardshipStatus getStatus() { return status; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public BigDecimal getCurrentInstalment() { return currentInstalment; }
  public Integer getRemainingMonths() { return remainingMonths; }
  public Integer getExtensionMonths() { return extensionMonths; }
  public BigDecimal getExtensionInstalment() { return extensionInstalment; }
  public Integer getReducedExtensionMonths() { return reducedExtensionMonths; }
  public BigDecimal getReducedInstalment() { return reducedInstalment; }
  public Instant getOptionsAt() { return optionsAt; }
  public HardshipDecision getChosenOption() { return chosenOption; }
  public HardshipDeclineReason getDeclineReason() { return declineReason; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public Integer getNewRemainingMonths() { return newRemainingMonths; }
  public BigDecimal getNewInstalment() { return newInstalment; }
  public Long getVersion() { return version; }
}
