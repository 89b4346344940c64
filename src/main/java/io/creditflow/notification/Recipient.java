package io.creditflow.notification;

import io.creditflow.common.crypto.Masking;

/**
 * The customer a notification goes to, as looked up when sending (decrypted from {@code cf_customer}); never stored
 * in the outbox. {@link #toString()} and {@link #masked(NotificationChannel)} show masked addresses only: use them in
 * logs and messages.
 */
public record Recipient(String customerId, String fullName, String mobile, String email) {

  /** The address the channel uses: mobile for SMS, e-mail for EMAIL, the customer id for APP_PUSH and LETTER. */
  public String address(NotificationChannel channel) {
    String address = switch (channel) {
      case SMS -> mobile;
      case EMAIL -> email;
      case APP_PUSH, LETTER -> customerId;
    };
    if (address == null || address.isBlank()) {
      throw new IllegalStateException("Customer " + customerId + " has no " + describe(channel));
    }
    return address;
  }

  /** The address for logs and screens: mobile and e-mail masked, the customer id as it is. */
  public String masked(NotificationChannel channel) {
    return switch (channel) {
      case SMS -> Masking.mobile(mobile);
      case EMAIL -> Masking.email(email);
      case APP_PUSH, LETTER -> "customer " + customerId;
    };
  }

  private static String describe(NotificationChannel channel) {
    return switch (channel) {
      case SMS -> "mobile number";
      case EMAIL -> "e-mail address";
      case APP_PUSH, LETTER -> "customer id";
    };
  }

  @Override
  public String toString() {
    return "Recipient[" + customerId + ", mobile " + Masking.mobile(mobile) + ", e-mail " + Masking.email(email) + "]";
  }
}
