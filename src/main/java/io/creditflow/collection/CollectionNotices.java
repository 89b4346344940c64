package io.creditflow.collection;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What collection tells the customer, through the outbox (subject type {@code loan}, subject id = loan number), in
 * the customer's language. The process only enqueues: the outbox dispatcher asks the contact policy at send time
 * (quiet hours, daily caps, holds) and defers what may not go yet, so each message is decided and counted once.
 * Idempotency keys name the case, the stage and the cycle: a retried job never enqueues twice. Parameters are loan
 * figures only, never contact or identity data. Templates: {@code notification-templates/collection.*.<lang>.txt}.
 */
@Component
class CollectionNotices {

  static final String REMINDER = "COLLECTION_REMINDER";
  static final String DEMAND = "COLLECTION_DEMAND";
  static final String CURED = "COLLECTION_CURED";
  static final String PROMISE = "COLLECTION_PROMISE";

  static final String TEMPLATE_REMINDER_SMS = "collection.reminder-sms";
  static final String TEMPLATE_REMINDER_EMAIL = "collection.reminder-email";
  static final String TEMPLATE_DEMAND_LETTER = "collection.demand-letter";
  static final String TEMPLATE_CURED = "collection.cured";
  static final String TEMPLATE_PROMISE = "collection.promise-confirmed";

  private final NotificationService notifications;
  private final CustomerRepository customers;
  private final CollectionProperties properties;

  CollectionNotices(NotificationService notifications, CustomerRepository customers, CollectionProperties properties) {
    this.notifications = notifications;
    this.customers = customers;
    this.properties = properties;
  }

  Notification reminder(CollectionCase c, NotificationChannel channel, int dpd, BigDecimal overdue) {
    String template = channel == NotificationChannel.SMS ? TEMPLATE_REMINDER_SMS : TEMPLATE_REMINDER_EMAIL;
    return enqueue(c, key(c, template), REMINDER, channel, template, figures(c, dpd, overdue));
  }

  Notification demandLetter(CollectionCase c, int dpd, BigDecimal overdue, BigDecimal outstanding) {
    Map<String, Object> parameters = figures(c, dpd, overdue);
    parameters.put("outstandingAmount", outstanding.toPlainString());
    return enqueue(c, key(c, TEMPLATE_DEMAND_LETTER), DEMAND, NotificationChannel.LETTER, TEMPLATE_DEMAND_LETTER,
        parameters);
  }

  Notification cured(CollectionCase c) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", c.getLoanNumber());
    return enqueue(c, "collection:" + c.getId() + ":cured", CURED, NotificationChannel.SMS, TEMPLATE_CURED,
        parameters);
  }

  Notification promiseConfirmed(CollectionCase c, LocalDate date, BigDecimal amount) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", c.getLoanNumber());
    parameters.put("currency", c.getCurrency());
    parameters.put("promisedAmount", amount.toPlainString());
    parameters.put("promisedDate", date.toString());
    return enqueue(c, "collection:" + c.getId() + ":promise:" + c.getPromisesMade(), PROMISE,
        NotificationChannel.SMS, TEMPLATE_PROMISE, parameters);
  }

  private static String key(CollectionCase c, String template) {
    return "collection:" + c.getId() + ":" + template + ":" + c.getCurrentStage() + ":" + c.getCycle();
  }

  private static Map<String, Object> figures(CollectionCase c, int dpd, BigDecimal overdue) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", c.getLoanNumber());
    parameters.put("currency", c.getCurrency());
    parameters.put("overdueAmount", overdue.toPlainString());
    parameters.put("daysPastDue", dpd);
    return parameters;
  }

  private Notification enqueue(CollectionCase c, String key, String type, NotificationChannel channel,
      String template, Map<String, Object> parameters) {
    return notifications.enqueue(NotificationRequest.of(key, type, channel, c.getCustomerId(), "loan",
        c.getLoanNumber(), template, parameters, language(c.getCustomerId())));
  }

  private String language(String customerId) {
    return customers.findById(customerId).map(Customer::getPreferredLanguage)
        .filter(language -> !language.isBlank()).orElse(properties.noticeLanguage());
  }
}
