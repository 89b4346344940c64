package io.creditflow.inspection;

/**
 * The items of the post-loan checklist. Each is answered PASS or FAIL ({@code <prefix>Result}) with a comment
 * ({@code <prefix>Comment}, required for FAIL) in the form {@code Form_InspectionChecklist}.
 */
public enum ChecklistItem {
  /** The money went to the declared purpose; no prohibited use (fund-usage reports, investigations). */
  FUND_USAGE("fundUsage"),
  /** The application's and disbursement's documents are complete. */
  DOCUMENTS("documents"),
  /** Repayments are consistent with the income declared at application. */
  REPAYMENT_CAPACITY("repaymentCapacity"),
  /** Contact records (reminders, collection calls) comply with the contact policy. */
  CONTACT_RECORDS("contactRecords");

  public static final String PASS = "PASS";
  public static final String FAIL = "FAIL";

  private final String prefix;

  ChecklistItem(String prefix) {
    this.prefix = prefix;
  }

  /** The variable holding PASS or FAIL. */
  public String resultVariable() {
    return prefix + "Result";
  }

  /** The variable holding the comment. */
  public String commentVariable() {
    return prefix + "Comment";
  }
}
