package io.creditflow.bureau;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the credit bureau knows about one applicant, as the decision needs it. Stored with the application as a JSON
 * snapshot, so it carries no national id, name or address: only the bureau's reference and the facts.
 *
 * @param bureauReference     the bureau's reference of this report (for disputes and audits)
 * @param bureauScore         300–900; 0 for a thin file
 * @param thinFile            the bureau has no (usable) history for this person
 * @param monthsOnFile        age of the oldest account, in months
 * @param openAccounts        open credit accounts
 * @param delinquencies12m    missed payments in the last 12 months
 * @param maxDaysPastDue24m   worst days past due in the last 24 months
 * @param bankruptcy          a public-record bankruptcy
 * @param fraudAlert          a fraud alert is set on the file
 * @param reportedMonthlyDebt monthly repayments on other credit, as reported by the bureau
 * @param retrievedAt         when CreditFlow received the report (engine clock, whole seconds)
 */
public record BureauReport(
    String bureauReference,
    int bureauScore,
    boolean thinFile,
    int monthsOnFile,
    int openAccounts,
    int delinquencies12m,
    int maxDaysPastDue24m,
    boolean bankruptcy,
    boolean fraudAlert,
    BigDecimal reportedMonthlyDebt,
    Instant retrievedAt) {

  public static final int MIN_SCORE = 300;
  public static final int MAX_SCORE = 900;

  /** Rejects reports no bureau can have produced; the messages name fields, never personal data. */
  public BureauReport {
    if (bureauReference == null || bureauReference.isBlank()) {
      throw new IllegalArgumentException("bureauReference is required");
    }
    if (thinFile ? bureauScore != 0 : bureauScore < MIN_SCORE || bureauScore > MAX_SCORE) {
      throw new IllegalArgumentException(thinFile
          ? "bureauScore must be 0 for a thin file, was " + bureauScore
          : "bureauScore must be " + MIN_SCORE + "-" + MAX_SCORE + ", was " + bureauScore);
    }
    requireNotNegative("monthsOnFile", monthsOnFile);
    requireNotNegative("openAccounts", openAccounts);
    requireNotNegative("delinquencies12m", delinquencies12m);
    requireNotNegative("maxDaysPastDue24m", maxDaysPastDue24m);
    Objects.requireNonNull(reportedMonthlyDebt, "reportedMonthlyDebt is required");
    if (reportedMonthlyDebt.signum() < 0) {
      throw new IllegalArgumentException("reportedMonthlyDebt must not be negative");
    }
    Objects.requireNonNull(retrievedAt, "retrievedAt is required");
  }

  /** No history at the bureau: score 0, nothing on file. */
  public static BureauReport thinFile(String bureauReference, Instant retrievedAt) {
    return new BureauReport(bureauReference, 0, true, 0, 0, 0, 0, false, false, BigDecimal.ZERO, retrievedAt);
  }

  private static void requireNotNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
  }
}
