package io.creditflow.notification;

/**
 * Known notification types. The type is an open set (upper case, digits and underscores, up to 48 characters), so a
 * process can add one without changing this class; these constants only avoid typos in the common ones.
 */
public final class NotificationTypes {

  public static final String APPLICATION_RECEIVED = "APPLICATION_RECEIVED";
  public static final String APPLICATION_DECLINED = "APPLICATION_DECLINED";
  public static final String DOCUMENTS_REQUESTED = "DOCUMENTS_REQUESTED";
  public static final String OFFER_MADE = "OFFER_MADE";
  public static final String LOAN_DISBURSED = "LOAN_DISBURSED";
  public static final String PAYMENT_REMINDER = "PAYMENT_REMINDER";
  public static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";

  private NotificationTypes() {}
}
