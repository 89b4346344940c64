package io.creditflow.notification;

import io.creditflow.customer.CustomerService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Test helpers for the outbox: customers with known contact data, notifications about one subject, the clock. */
final class LiveFixture {

  static final String MOBILE = "+8613912345678";
  static final String MASKED_MOBILE = "+86*******5678";

  private LiveFixture() {}

  /** A new customer with {@link #MOBILE} and the given e-mail address and language. */
  static String customer(CustomerService customers, String fullName, String email, String language) {
    return customers.register(new CustomerService.PersonalDetails("NT-" + UUID.randomUUID(), fullName,
        LocalDate.of(1990, 4, 12), MOBILE, email, language)).getId();
  }

  static NotificationRequest reminder(String key, NotificationChannel channel, String customerId, String subjectType,
      String loanNumber, String language) {
    return NotificationRequest.of(key, NotificationTypes.PAYMENT_REMINDER, channel, customerId, subjectType,
        loanNumber, "servicing.payment-reminder", Map.of("loanNumber", loanNumber, "sequenceNumber", 3,
            "dueDate", "2027-03-02", "amountDue", "1066.19", "currency", "CNY"), language);
  }

  static void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
