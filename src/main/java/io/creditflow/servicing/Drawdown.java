package io.creditflow.servicing;

import io.creditflow.common.persistence.AssignedIdEntity;
import io.creditflow.origination.LoanPurpose;
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

/** A further loan drawn on an existing credit line at the customer's request. Append-only. */
@Entity
@Table(name = "cf_drawdown")
public class Drawdown extends AssignedIdEntity {

  @Column(name = "drawdown_reference", nullable = false, length = 64, updatable = false)
  private String drawdownReference;

  @Column(name = "credit_line_id", nullable = false, length = 36, updatable = false)
  private String creditLineId;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private BigDecimal amount;

  @Column(name = "term_months", nullable = false, updatable = false)
  private int termMonths;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private LoanPurpose purpose;

  @Column(name = "drawn_on", nullable = false, updatable = false)
  private LocalDate drawnOn;

  @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
  private String requestedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Drawdown() {}

  static Drawdown of(String id, DrawdownCommand command, String creditLineId, Loan loan, String requestedBy,
      Instant createdAt) {
    Drawdown drawdown = new Drawdown();
    drawdown.id = Objects.requireNonNull(id);
    drawdown.drawdownReference = command.drawdownReference();
    drawdown.creditLineId = creditLineId;
    drawdown.loanNumber = loan.getLoanNumber();
    drawdown.amount = loan.getPrincipal();
    drawdown.termMonths = command.termMonths();
    drawdown.purpose = command.purpose();
    drawdown.drawnOn = loan.getDisbursedOn();
    drawdown.requestedBy = Objects.requireNonNull(requestedBy);
    drawdown.createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    return drawdown;
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Whether {@code command} on {@code creditLineId} is this drawdown again. */
  boolean sameAs(String creditLineId, DrawdownCommand command) {
    return this.creditLineId.equals(creditLineId) && amount.compareTo(command.amount()) == 0
        && termMonths == command.termMonths() && purpose == command.purpose();
  }

  public String getDrawdownReference() { return drawdownReference; }
  public String getCreditLineId() { return creditLineId; }
  public String getLoanNumber() { return loanNumber; }
  public BigDecimal getAmount() { return amount; }
  public int getTermMonths() { return termMonths; }
  public LoanPurpose getPurpose() { return purpose; }
  public LocalDate getDrawnOn() { return drawnOn; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getCreatedAt() { return createdAt; }
}
