package io.creditflow.collection;

/**
 * The {@code collection} process (business key = loan number), as far as others start and message it. A minimal
 * model for now (processes/collection.bpmn): one contact task for collectors, ended early by {@code PaymentReceived}.
 * The collection issue replaces it with staged collection.
 */
public final class CollectionProcess {

  /** Variables set at start. */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String DAYS_PAST_DUE = "daysPastDue";
  public static final String BUSINESS_DATE = "businessDate";

  /** What the collector records on the contact task. */
  public static final String CONTACT_OUTCOME = "contactOutcome";
  public static final String PROMISED_PAYMENT_DATE = "promisedPaymentDate";

  /** Correlated with business key = loan number when a payment cures the arrears (interrupts the case). */
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";

  private CollectionProcess() {}
}
