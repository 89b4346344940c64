package io.creditflow.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One use of loan funds reported by the payment network, with how {@code fundUsageClassification} classified it and
 * the investigation it started, if any. The counterparty is free text from the network: stored, never logged and
 * never put into process variables.
 */
@Entity
@Table(name = "cf_fund_usage_report")
public class FundUsageReport {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "report_reference", nullable = false, length = 64, updatable = false)
  private String reportReference;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "merchant_category", nullable = false, length = 32, updatable = false)
  private MerchantCategory merchantCategory;

  @Column(nullable = false, length = 100, updatable = false)
  private String counterparty;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal amount;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private FundUsageClassification classification;

  @Column(name = "reason_code", nullable = false, length = 32, updatable = false)
  private String reasonCode;

  @Column(name = "investigation_id", length = 64)
  private String investigationId;

  @Column(name = "received_by", nullable = false, length = 64, updatable = false)
  private String receivedBy;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Version
  private Long version;

  protected FundUsageReport() {}

  FundUsageReport(FundUsageCommand command, String loanNumber, FundUsageClassification classification,
      String reasonCode, String receivedBy, Instant receivedAt) {
    this.id = UUID.randomUUID().toString();
    this.reportReference = command.reportReference();
    this.loanNumber = Objects.requireNonNull(loanNumber);
    this.merchantCategory = command.merchantCategory();
    this.counterparty = command.counterparty();
    this.amount = command.amount().setScale(2, RoundingMode.UNNECESSARY);
    this.occurredAt = command.occurredAt().truncatedTo(ChronoUnit.SECONDS);
    this.classification = Objects.requireNonNull(classification);
    this.reasonCode = Objects.requireNonNull(reasonCode);
    this.receivedBy = Objects.requireNonNull(receivedBy);
    this.receivedAt = receivedAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether {@code command} for {@code loanNumber} is this report again (a redelivery by the network). */
  boolean sameAs(String loanNumber, FundUsageCommand command) {
    return this.loanNumber.equals(loanNumber)
        && merchantCategory == command.merchantCategory()
        && counterparty.equals(command.counterparty())
        && amount.compareTo(command.amount()) == 0
        && occurredAt.equals(command.occurredAt().truncatedTo(ChronoUnit.SECONDS));
  }

  void investigatedBy(String processInstanceId) {
    this.investigationId = processInstanceId;
  }

  public String getId() { return id; }
  public String getReportReference() { return reportReference; }
  public String getLoanNumber() { return loanNumber; }
  public MerchantCategory getMerchantCategory() { return merchantCategory; }
  public String getCounterparty() { return counterparty; }
  public BigDecimal getAmount() { return amount; }
  public Instant getOccurredAt() { return occurredAt; }
  public FundUsageClassification getClassification() { return classification; }
  public String getReasonCode() { return reasonCode; }
  public String getInvestigationId() { return investigationId; }
  public String getReceivedBy() { return receivedBy; }
  public Instant getReceivedAt() { return receivedAt; }
  public Long getVersion() { return version; }
}
