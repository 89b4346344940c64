package io.creditflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last early warning raised for a loan ({@code cf_early_warning}) and what the risk manager decided about it. The
 * same signals are not raised again within {@code creditflow.review.early-warning-cool-down-days}; a new kind of
 * signal is.
 */
@Entity
@Table(name = "cf_early_warning")
public class EarlyWarning {

  @Id
  @Column(name = "loan_number", length = 64)
  private String loanNumber;

  @Column(nullable = false, length = 200)
  private String signals;

  @Column(name = "raised_on", nullable = false)
  private LocalDate raisedOn;

  @Column(length = 24)
  private String outcome;

  @Column(name = "outcome_on")
  private LocalDate outcomeOn;

  @Column(name = "reviewed_by", length = 64)
  private String reviewedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(nullable = false)
  private Long version;

  protected EarlyWarning() {}

  EarlyWarning(String loanNumber) {
    this.loanNumber = loanNumber;
  }

  /** Whether {@code now} adds a kind of signal not raised within the cool-down before {@code date}. */
  boolean isNews(List<EarlyWarningReview.Signal> now, LocalDate date, int coolDownDays) {
    if (raisedOn == null || !raisedOn.plusDays(coolDownDays).isAfter(date)) {
      return true;
    }
    Set<String> before = new LinkedHashSet<>(Arrays.asList(signals.split(",")));
    return now.stream().anyMatch(signal -> !before.contains(signal.name()));
  }

  void raised(List<EarlyWarningReview.Signal> now, LocalDate date, Instant at) {
    this.signals = String.join(",", now.stream().map(Enum::name).toList());
    this.raisedOn = date;
    this.outcome = null;
    this.outcomeOn = null;
    this.reviewedBy = null;
    this.updatedAt = at.truncatedTo(ChronoUnit.SECONDS);
  }

  void decided(EarlyWarningReview.Outcome decision, LocalDate date, String by, Instant at) {
    this.outcome = decision.name();
    this.outcomeOn = date;
    this.reviewedBy = by;
    this.updatedAt = at.truncatedTo(ChronoUnit.SECONDS);
  }

  public String getLoanNumber() { return loanNumber; }
  public String getSignals() { return signals; }
  public LocalDate getRaisedOn() { return raisedOn; }
  public String getOutcome() { return outcome; }
  public LocalDate getOutcomeOn() { return outcomeOn; }
  public String getReviewedBy() { return reviewedBy; }
}
