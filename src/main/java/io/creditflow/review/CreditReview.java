package io.creditflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The review schedule of one credit line ({@code cf_credit_review}) and what its last review found. The ledger's own
 * entities are not touched: this is the review's record.
 */
@Entity
@Table(name = "cf_credit_review")
public class CreditReview {

  @Id
  @Column(name = "credit_line_id", length = 36)
  private String creditLineId;

  @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
  private String customerId;

  @Column(name = "next_review_date", nullable = false)
  private LocalDate nextReviewDate;

  @Column(name = "last_review_date")
  private LocalDate lastReviewDate;

  @Column(name = "last_action", length = 16)
  private String lastAction;

  @Column(name = "last_reason_code", length = 32)
  private String lastReasonCode;

  @Column(name = "last_behaviour_score")
  private Integer lastBehaviourScore;

  @Column(name = "last_bureau_score")
  private Integer lastBureauScore;

  @Column(name = "bureau_delinquencies")
  private Integer bureauDelinquencies;

  @Column(name = "previous_bureau_delinquencies")
  private Integer previousBureauDelinquencies;

  @Column(name = "watchlist_until")
  private LocalDate watchlistUntil;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private Long version;

  protected CreditReview() {}

  CreditReview(String creditLineId, String customerId, LocalDate firstReviewDate, Instant now) {
    this.creditLineId = creditLineId;
    this.customerId = customerId;
    this.nextReviewDate = firstReviewDate;
    this.updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Records a review on {@code reviewDate} and schedules the next one. */
  void reviewed(LocalDate reviewDate, LimitReviewResult result, int behaviourScore, int bureauScore,
      int delinquencies, LocalDate nextReview, Instant now) {
    this.previousBureauDelinquencies = this.bureauDelinquencies;
    this.bureauDelinquencies = delinquencies;
    this.lastReviewDate = reviewDate;
    this.lastAction = result.action().name();
    this.lastReasonCode = result.reasonCode();
    this.lastBehaviourScore = behaviourScore;
    this.lastBureauScore = bureauScore;
    this.nextReviewDate = nextReview;
    this.updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Puts the line on the watchlist until {@code until}: reviewed every {@code intervalMonths} from {@code date}
   * (sooner than planned, never later).
   */
  void watchlist(LocalDate date, LocalDate until, int intervalMonths, Instant now) {
    this.watchlistUntil = until;
    LocalDate sooner = date.plusMonths(intervalMonths);
    if (sooner.isBefore(nextReviewDate)) {
      this.nextReviewDate = sooner;
    }
    this.updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Brings the next review forward to {@code date} (an off-cycle review at the next close of business). */
  void reviewBy(LocalDate date, Instant now) {
    if (date.isBefore(nextReviewDate)) {
      this.nextReviewDate = date;
    }
    this.updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether the line is on the watchlist on {@code date}. */
  boolean watchlisted(LocalDate date) {
    return watchlistUntil != null && !watchlistUntil.isBefore(date);
  }

  /** Whether the bureau reports more delinquencies than at the previous review (none at the first). */
  boolean bureauDelinquenciesIncreased() {
    return previousBureauDelinquencies != null && bureauDelinquencies != null
        && bureauDelinquencies > previousBureauDelinquencies;
  }

  public String getCreditLineId() { return creditLineId; }
  public String getCustomerId() { return customerId; }
  public LocalDate getNextReviewDate() { return nextReviewDate; }
  public LocalDate getLastReviewDate() { return lastReviewDate; }
  public String getLastAction() { return lastAction; }
  public String getLastReasonCode() { return lastReasonCode; }
  public Integer getLastBehaviourScore() { return lastBehaviourScore; }
  public Integer getLastBureauScore() { return lastBureauScore; }
  public Integer getBureauDelinquencies() { return bureauDelinquencies; }
  public Integer getPreviousBureauDelinquencies() { return previousBureauDelinquencies; }
  public LocalDate getWatchlistUntil() { return watchlistUntil; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Long getVersion() { return version; }
}
