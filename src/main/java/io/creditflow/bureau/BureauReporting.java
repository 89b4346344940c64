package io.creditflow.bureau;

import java.time.LocalDate;

/**
 * Records what is to be reported to the credit bureau about a loan. Joins the caller's transaction; idempotent per
 * loan, kind and {@code asOf} date (a retried job records nothing twice).
 */
public interface BureauReporting {

  /**
   * Records a report of {@code kind} for {@code loanNumber} as of {@code asOf} (business date), with an optional
   * free-text {@code note} (no personal data). Returns the record's id.
   */
  String report(String loanNumber, BureauReportKind kind, LocalDate asOf, String note);
}
