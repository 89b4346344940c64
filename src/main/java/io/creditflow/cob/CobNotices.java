package io.creditflow.cob;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.notification.NotificationTypes;
import io.creditflow.servicing.DailyClose;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the close of business tells customers, through the outbox: pre-due reminders and settlement notices. By SMS,
 * in the customer's preferred language; recipient = customer id; parameters are loan numbers, dates and amounts.
 * Idempotency keys make a redone chunk harmless.
 */
@Component
class CobNotices {

  static final String LOAN_SETTLED = "LOAN_SETTLED";

  private final NotificationService notifications;
  private final CustomerRepository customers;
  private final CobProperties properties;

  CobNotices(NotificationService notifications, CustomerRepository customers, CobProperties properties) {
    this.notifications = notifications;
    this.customers = customers;
    this.properties = properties;
  }

  /** Preferred languages of these customers (one query); unknown customers get the configured language. */
  Function<String, String> languages(Collection<String> customerIds) {
    Map<String, String> known = customers.findAllById(new HashSet<>(customerIds)).stream()
        .collect(Collectors.toMap(Customer::getId, Customer::getPreferredLanguage, (a, b) -> a));
    return customerId -> known.getOrDefault(customerId, properties.noticeLanguage());
  }

  void reminder(DailyClose.DueInstalment instalment, String language) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", instalment.loanNumber());
    parameters.put("sequenceNumber", instalment.sequenceNumber());
    parameters.put("dueDate", instalment.dueDate().toString());
    parameters.put("amountDue", instalment.amountDue() == null ? null : instalment.amountDue().toPlainString());
    parameters.put("currency", instalment.currency());
    String key = NotificationTypes.PAYMENT_REMINDER + ":" + instalment.loanNumber() + ":"
        + instalment.sequenceNumber() + ":" + instalment.dueDate();
    notifications.enqueue(NotificationRequest.of(key, NotificationTypes.PAYMENT_REMINDER, NotificationChannel.SMS,
        instalment.customerId(), "loan", instalment.loanNumber(), "servicing.payment-reminder", parameters,
        language));
  }

  void settled(String loanNumber, String customerId, LocalDate businessDate, String language) {
    notifications.enqueue(NotificationRequest.of(LOAN_SETTLED + ":" + loanNumber, LOAN_SETTLED,
        NotificationChannel.SMS, customerId, "loan", loanNumber, "servicing.loan-settled",
        Map.of("loanNumber", loanNumber, "settledOn", businessDate.toString()), language));
  }
}
