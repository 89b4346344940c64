package io.creditflow.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link PortfolioSeeder} seeds.
 *
 * <ul>
 *   <li>{@link Kind#WAVE}: every loan disbursed one month before {@code dueDate}, so its first instalment falls due
 *       on {@code dueDate}; the book is closed through the day before. A share {@code unpaidShare} has not paid it;
 *       the others paid it on the due date (a payment valued that day, allocated to the instalment). The close of
 *       business for {@code dueDate} then makes the unpaid ones one day past due and starts their collections.</li>
 *   <li>{@link Kind#DEMO}: a living book as of {@code asOf}, closed through the day before yesterday: current loans
 *       of various ages (every instalment due by yesterday paid on its due date), a share {@code settledShare} paid
 *       off (SETTLED), and a share {@code unpaidShare} whose instalment due yesterday is unpaid, so that the close of
 *       business for yesterday makes them past due and starts collections.</li>
 * </ul>
 *
 * @param loans        number of loans, one customer and one credit line each
 * @param asOf         the business date the book stands at (the engine's today)
 * @param dueDate      WAVE: the date every first instalment falls due; DEMO: ignored
 * @param unpaidShare  share of the loans that miss their instalment (0 to 1)
 * @param settledShare DEMO: share of the loans already paid off (0 to 1)
 * @param termMonths   term of the loans (DEMO: settled loans have 3 months)
 * @param randomSeed   amounts, rates, grades and names are drawn from this seed: the same plan seeds the same figures
 * @param chunkSize    loans per transaction
 */
public record SeedPlan(Kind kind, int loans, LocalDate asOf, LocalDate dueDate, double unpaidShare,
    double settledShare, int termMonths, long randomSeed, int chunkSize) {

  /** How the loans' due dates and states are chosen. */
  public enum Kind { WAVE, DEMO }

  public static final int DEFAULT_CHUNK = 1000;

  public SeedPlan {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(asOf, "asOf");
    if (loans < 0) {
      throw new IllegalArgumentException("loans must not be negative");
    }
    if (kind == Kind.WAVE && dueDate == null) {
      throw new IllegalArgumentException("a wave needs its due date");
    }
    if (unpaidShare < 0 || unpaidShare > 1 || settledShare < 0 || settledShare > 1 || unpaidShare + settledShare > 1) {
      throw new IllegalArgumentException("shares must be between 0 and 1 and add up to at most 1");
    }
    if (termMonths < 2 || termMonths > 60) {
      throw new IllegalArgumentException("termMonths must be between 2 and 60");
    }
    if (chunkSize < 1 || chunkSize > 10_000) {
      throw new IllegalArgumentException("chunkSize must be between 1 and 10,000");
    }
  }

  /** {@code loans} loans whose first instalment is due on {@code dueDate}, {@code unpaidShare} of them unpaid. */
  public static SeedPlan wave(int loans, LocalDate dueDate, double unpaidShare) {
    return new SeedPlan(Kind.WAVE, loans, dueDate, dueDate, unpaidShare, 0, 12, 20_270_301L, DEFAULT_CHUNK);
  }

  /** A demo book of {@code loans} loans as of {@code today}: 5 % due yesterday and unpaid, 10 % paid off. */
  public static SeedPlan demo(int loans, LocalDate today) {
    return new SeedPlan(Kind.DEMO, loans, today, null, 0.05, 0.10, 12, 42L, DEFAULT_CHUNK);
  }

  public SeedPlan withTermMonths(int months) {
    return new SeedPlan(kind, loans, asOf, dueDate, unpaidShare, settledShare, months, randomSeed, chunkSize);
  }

  public SeedPlan withChunkSize(int size) {
    return new SeedPlan(kind, loans, asOf, dueDate, unpaidShare, settledShare, termMonths, randomSeed, size);
  }
}
