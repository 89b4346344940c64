package io.creditflow.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One collection case: one run of the {@code collection} process for a loan ({@code cf_collection_case}). Holds the
 * case's figures for the collection report (strategy, stage reached, worst days past due, promises made, kept and
 * broken, outcome) and the state the process plans with (the stage acted on in the current cycle, the escalation a
 * broken promise forces, an open promise). While the case is open {@code openLoanNumber} holds the loan number; its
 * unique key allows one open case per loan.
 *
 * <p>A <em>cycle</em> starts with the case and again after a payment that leaves something past due or a kept promise:
 * the case then works the stage the remaining days past due call for, even one it worked before.
 */
@Entity
@Table(name = "cf_collection_case")
public class CollectionCase {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "loan_number", nullable = false, length = 14, updatable = false)
  private String loanNumber;

  @Column(name = "open_loan_number", length = 14)
  private String openLoanNumber;

  @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
  private String processInstanceId;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "start_dpd", nullable = false, updatable = false)
  private int startDpd;

  @Column(name = "max_dpd", nullable = false)
  private int maxDpd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private CollectionStrategy strategy;

  @Enumerated(EnumType.STRING)
  @Column(name = "current_stage", nullable = false, length = 24)
  private CollectionStage currentStage;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private CollectionOutcome outcome;

  @Column(name = "promises_made", nullable = false)
  private int promisesMade;

  @Column(name = "promises_kept", nullable = false)
  private int promisesKept;

  @Column(name = "promises_broken", nullable = false)
  private int promisesBroken;

  @Column(name = "on_hold", nullable = false)
  private boolean onHold;

  @Column(name = "cycle_number", nullable = false)
  private int cycle;

  @Enumerated(EnumType.STRING)
  @Column(name = "acted_stage", length = 24)
  private CollectionStage actedStage;

  @Enumerated(EnumType.STRING)
  @Column(name = "escalation_floor", length = 24)
  private CollectionStage escalationFloor;

  @Column(name = "stage_attempts", nullable = false)
  private int stageAttempts;

  @Column(name = "last_call_outcome", length = 24)
  private String lastCallOutcome;

  @Column(name = "last_call_at")
  private Instant lastCallAt;

  @Column(name = "promise_date")
  private LocalDate promiseDate;

  @Column(name = "promise_amount", precision = 19, scale = 2)
  private BigDecimal promiseAmount;

  @Column(name = "promised_at")
  private Instant promisedAt;

  @Column(name = "pending_exit", length = 16)
  private String pendingExit;

  @Column(name = "bureau_reported_dpd", nullable = false)
  private int bureauReportedDpd;

  @Column(name = "action_count", nullable = false)
  private int actionCount;

  @Version
  private Long version;

  protected CollectionCase() {}

  static CollectionCase open(String loanNumber, String processInstanceId, String customerId, String currency,
      CollectionStrategy strategy, int dpd, Instant now) {
    CollectionCase c = new CollectionCase();
    c.id = UUID.randomUUID().toString();
    c.loanNumber = Objects.requireNonNull(loanNumber);
    c.openLoanNumber = loanNumber;
    c.processInstanceId = Objects.requireNonNull(processInstanceId);
    c.customerId = Objects.requireNonNull(customerId);
    c.currency = Objects.requireNonNull(currency);
    c.strategy = Objects.requireNonNull(strategy);
    c.startedAt = seconds(now);
    c.startDpd = dpd;
    c.maxDpd = dpd;
    c.currentStage = CollectionStage.NONE;
    return c;
  }

  static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }

  boolean isOpen() {
    return endedAt == null;
  }

  void observe(int dpd) {
    maxDpd = Math.max(maxDpd, dpd);
  }

  void stage(CollectionStage stage) {
    currentStage = stage;
  }

  /** The stage's action was done (or can never be: cease contact) in this cycle. */
  void acted(CollectionStage stage) {
    if (actedStage != stage) {
      stageAttempts = 0;
      lastCallOutcome = null;
      lastCallAt = null;
    }
    actedStage = stage;
  }

  void called(CollectionStage stage, String outcome, Instant at) {
    acted(stage);
    stageAttempts++;
    lastCallOutcome = outcome;
    lastCallAt = seconds(at);
  }

  /** A new cycle: the stage the days past due call for is worked again, escalations are forgotten. */
  void newCycle() {
    cycle++;
    actedStage = null;
    escalationFloor = null;
    stageAttempts = 0;
    lastCallOutcome = null;
    lastCallAt = null;
  }

  void promise(LocalDate date, BigDecimal amount, Instant at) {
    promisesMade++;
    promiseDate = date;
    promiseAmount = amount;
    promisedAt = seconds(at);
  }

  boolean hasOpenPromise() {
    return promiseDate != null;
  }

  void promiseKept() {
    promisesKept++;
    clearPromise();
  }

  void promiseBroken() {
    promisesBroken++;
    escalationFloor = CollectionStage.max(escalationFloor, currentStage.next());
    clearPromise();
  }

  private void clearPromise() {
    promiseDate = null;
    promiseAmount = null;
    promisedAt = null;
  }

  void hold(boolean held) {
    onHold = held;
  }

  void leaveFor(String exit) {
    pendingExit = exit;
  }

  String takePendingExit() {
    String exit = pendingExit;
    pendingExit = null;
    return exit;
  }

  void bureauReported(int dpd) {
    bureauReportedDpd = Math.max(bureauReportedDpd, dpd);
  }

  int nextActionSequence() {
    return ++actionCount;
  }

  void end(CollectionOutcome outcome, Instant at) {
    if (endedAt == null) {
      this.outcome = outcome;
      endedAt = seconds(at);
      openLoanNumber = null;
      onHold = false;
    }
  }

  public String getId() { return id; }
  public String getLoanNumber() { return loanNumber; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getCustomerId() { return customerId; }
  public String getCurrency() { return currency; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getEndedAt() { return endedAt; }
  public int getStartDpd() { return startDpd; }
  public int getMaxDpd() { return maxDpd; }
  public CollectionStrategy getStrategy() { return strategy; }
  public CollectionStage getCurrentStage() { return currentStage; }
  public CollectionOutcome getOutcome() { return outcome; }
  public int getPromisesMade() { return promisesMade; }
  public int getPromisesKept() { return promisesKept; }
  public int getPromisesBroken() { return promisesBroken; }
  public boolean isOnHold() { return onHold; }
  public int getCycle() { return cycle; }
  public CollectionStage getActedStage() { return actedStage; }
  public CollectionStage getEscalationFloor() { return escalationFloor; }
  public int getStageAttempts() { return stageAttempts; }
  public String getLastCallOutcome() { return lastCallOutcome; }
  public Instant getLastCallAt() { return lastCallAt; }
  public LocalDate getPromiseDate() { return promiseDate; }
  public BigDecimal getPromiseAmount() { return promiseAmount; }
  public Instant getPromisedAt() { return promisedAt; }
  public int getBureauReportedDpd() { return bureauReportedDpd; }
  public Long getVersion() { return version; }
}
