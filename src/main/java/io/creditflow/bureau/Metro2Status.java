package io.creditflow.bureau;

import io.creditflow.servicing.LoanStatus;
import java.util.Objects;

/**
 * A Metro 2-like account status code and payment rating: the two fields of the Metro 2 base segment that say how an
 * account stands ("Account Status" and "Payment Rating"). CreditFlow keeps the codes so that an export to a bureau
 * can use them; it does not claim Metro 2 compliance (no base segment, no payment history profile, no special
 * comments, no DOFD).
 *
 * <p>Account status codes, as publicly described (CDIA Metro 2 codes, e.g. Oracle Financial Services Lending and
 * Leasing 14.12, "Appendix: Handling Metro II Account Statuses", and the m2reporter.com Metro 2 FAQ, "How are
 * delinquencies calculated?"): 11 current (0–29 days past due); 71, 78, 80, 82, 83, 84 for 30–59, 60–89, 90–119,
 * 120–149, 150–179 and 180 or more days past the due date (an account is not delinquent for consumer reporting before
 * 30 days, code 71); 13 paid or closed account / zero balance; 97 unpaid balance reported as a loss (charge-off).
 *
 * <p>Payment rating codes (Oracle OFSLL 14.12, "Appendix: Payment Rating Code Derivation", after the CDIA
 * documentation): 0 current (0–29 days), 1 30–59, 2 60–89, 3 90–119, 4 120–149, 5 150–179, 6 180 or more days past
 * the due date, L charge-off. Metro 2 requires the rating with status 13 (and 65, 88, 89, 94, 95; m2reporter.com
 * FAQ, "How do the Date of Account Information, Account Status, Payment Rating ... interact?"): it says how the
 * account stood before it was paid or closed. CreditFlow stores it on every record; an export in the Metro 2 format
 * would leave it blank where the format does not use it.
 *
 * @param accountStatus two-character account status code
 * @param paymentRating one-character payment rating
 */
public record Metro2Status(String accountStatus, String paymentRating) {

  public static final Metro2Status CURRENT = new Metro2Status("11", "0");
  public static final Metro2Status PAST_DUE_30 = new Metro2Status("71", "1");
  public static final Metro2Status PAST_DUE_60 = new Metro2Status("78", "2");
  public static final Metro2Status PAST_DUE_90 = new Metro2Status("80", "3");
  public static final Metro2Status PAST_DUE_120 = new Metro2Status("82", "4");
  public static final Metro2Status PAST_DUE_150 = new Metro2Status("83", "5");
  public static final Metro2Status PAST_DUE_180 = new Metro2Status("84", "6");
  /** Paid in full; the settling payment brought the account current, hence rating 0. */
  public static final Metro2Status PAID_ZERO_BALANCE = new Metro2Status("13", "0");
  public static final Metro2Status CHARGE_OFF = new Metro2Status("97", "L");

  public Metro2Status {
    Objects.requireNonNull(accountStatus);
    Objects.requireNonNull(paymentRating);
  }

  /**
   * The status to report for {@code kind}. The delinquency, cure, settlement and charge-off kinds report their own
   * fixed code; a {@link BureauReportKind#CORRECTION} restates the account as the ledger has it now:
   * {@code loanStatus} (SETTLED, WRITTEN_OFF) or else {@code daysPastDue}.
   */
  public static Metro2Status of(BureauReportKind kind, LoanStatus loanStatus, int daysPastDue) {
    return switch (Objects.requireNonNull(kind)) {
      case DPD_30 -> PAST_DUE_30;
      case DPD_60 -> PAST_DUE_60;
      case DPD_90 -> PAST_DUE_90;
      case CURED -> CURRENT;
      case SETTLED -> PAID_ZERO_BALANCE;
      case CHARGED_OFF -> CHARGE_OFF;
      case CORRECTION -> ofLedger(loanStatus, daysPastDue);
    };
  }

  /** The account as the ledger has it: written off, settled, or by days past due. */
  static Metro2Status ofLedger(LoanStatus loanStatus, int daysPastDue) {
    if (daysPastDue < 0) {
      throw new IllegalArgumentException("days past due must not be negative");
    }
    if (loanStatus == LoanStatus.WRITTEN_OFF) {
      return CHARGE_OFF;
    }
    if (loanStatus == LoanStatus.SETTLED) {
      return PAID_ZERO_BALANCE;
    }
    if (daysPastDue < 30) {
      return CURRENT;
    } else if (daysPastDue < 60) {
      return PAST_DUE_30;
    } else if (daysPastDue < 90) {
      return PAST_DUE_60;
    } else if (daysPastDue < 120) {
      return PAST_DUE_90;
    } else if (daysPastDue < 150) {
      return PAST_DUE_120;
    } else if (daysPastDue < 180) {
      return PAST_DUE_150;
    }
    return PAST_DUE_180;
  }
}
