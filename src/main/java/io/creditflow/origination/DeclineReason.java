package io.creditflow.origination;

/**
 * Decline reasons a person may choose, and the ones the process itself gives; each with the sentence the customer
 * reads in the decline notice.
 */
public enum DeclineReason {
  INSUFFICIENT_INCOME("Your income is not sufficient for the credit requested."),
  ADVERSE_CREDIT_HISTORY("Your credit history does not meet our requirements."),
  UNVERIFIED_INFORMATION("We could not verify the information you provided."),
  OVER_INDEBTED("Your existing debts are too high for further credit."),
  POLICY("Your application does not meet our lending policy."),
  KO_DUPLICATE_APPLICATION("You already have an application in progress with us."),
  KO_DOCUMENTS_NOT_RECEIVED("We did not receive the documents we asked for in time.");

  private final String text;

  DeclineReason(String text) {
    this.text = text;
  }

  public ReasonCode reason() {
    return new ReasonCode(name(), text);
  }

  /** The reasons a credit officer or manager may pick in Tasklist. */
  public boolean isForStaff() {
    return !name().startsWith("KO_");
  }
}
