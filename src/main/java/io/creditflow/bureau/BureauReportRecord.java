package io.creditflow.bureau;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored bureau report (row of {@code cf_bureau_report}): what was reported about a loan as of a business date.
 * Carries no personal data beyond the customer id.
 *
 * @param id              the record's id
 * @param loanNumber      the loan
 * @param customerId      the borrower's customer id (no name, national id or contact details)
 * @param kind            what is reported
 * @param accountStatus   Metro 2-like account status code ({@link Metro2Status})
 * @param paymentRating   Metro 2-like payment rating ({@link Metro2Status})
 * @param asOf            the business date the report speaks for
 * @param daysPastDue     the loan's days past due when recorded
 * @param currency        currency of the amounts
 * @param currentBalance  principal, billed interest and penalty outstanding when recorded (scale 2)
 * @param amountPastDue   what of that was past due as of {@code asOf} (scale 2)
 * @param note            free text of the caller, no personal data; may be null
 * @param createdAt       when it was recorded (engine clock, whole seconds)
 * @param exportStatus    PENDING until an export took it
 * @param exportedAt      when it was exported; null while PENDING
 * @param exportReference the export that took it; null while PENDING
 */
public record BureauReportRecord(
    String id,
    String loanNumber,
    String customerId,
    BureauReportKind kind,
    String accountStatus,
    String paymentRating,
    LocalDate asOf,
    int daysPastDue,
    String currency,
    BigDecimal currentBalance,
    BigDecimal amountPastDue,
    String note,
    Instant createdAt,
    ExportStatus exportStatus,
    Instant exportedAt,
    String exportReference) {

  /** Whether a record has gone to the bureau. */
  public enum ExportStatus { PENDING, EXPORTED }
}
