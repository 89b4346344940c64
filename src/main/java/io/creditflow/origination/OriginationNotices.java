package io.creditflow.origination;

import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.notification.NotificationTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What origination tells the customer, written to the notification outbox in the same transaction as the state change
 * (sent afterwards by the dispatcher). App users hear through the app, everyone else by SMS; in their language.
 * Parameters hold amounts, dates and reason texts, never contact or identity data.
 */
@Component
public class OriginationNotices {

  static final String OFFER_EXPIRED = "OFFER_EXPIRED";

  private final NotificationService notifications;
  private final CustomerService customers;

  public OriginationNotices(NotificationService notifications, CustomerService customers) {
    this.notifications = notifications;
    this.customers = customers;
  }

  void declined(LoanApplication application) {
    enqueue(application, NotificationTypes.APPLICATION_DECLINED, application.getId(),
        Map.of("reasons", application.getReasons()));
  }

  void documentsRequested(LoanApplication application) {
    // one notice per request: an officer may ask more than once
    enqueue(application, NotificationTypes.DOCUMENTS_REQUESTED,
        application.getId() + ":" + application.getUpdatedAt().getEpochSecond(),
        Map.of("documents", application.getDocumentsRequested()));
  }

  void offerMade(LoanApplication application) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("currency", application.getCurrency());
    parameters.put("creditLimit", application.getOfferLimit().toPlainString());
    parameters.put("amount", application.getOfferAmount().toPlainString());
    parameters.put("termMonths", application.getOfferTermMonths());
    parameters.put("annualRate", application.getOfferAnnualRate().toPlainString());
    parameters.put("interestFreeMonths", application.getOfferInterestFreeMonths());
    parameters.put("monthlyInstalment", application.getOfferInstalment().toPlainString());
    parameters.put("promotions", application.getOfferPromotions().stream().map(Promotion::description).toList());
    parameters.put("expiresAt", application.getOfferExpiresAt().toString());
    enqueue(application, NotificationTypes.OFFER_MADE, application.getId(), parameters);
  }

  void offerExpired(LoanApplication application) {
    enqueue(application, OFFER_EXPIRED, application.getId(), Map.of());
  }

  void loanDisbursed(LoanApplication application) {
    enqueue(application, NotificationTypes.LOAN_DISBURSED, application.getId(), Map.of(
        "loanNumber", application.getLoanNumber(),
        "amount", application.getOfferAmount().toPlainString(),
        "currency", application.getCurrency()));
  }

  private void enqueue(LoanApplication application, String type, String key, Map<String, ?> parameters) {
    NotificationChannel channel = application.getChannel() == Channel.MOBILE_APP
        ? NotificationChannel.APP_PUSH : NotificationChannel.SMS;
    String language = customers.get(application.getCustomerId()).getPreferredLanguage();
    notifications.enqueue(NotificationRequest.of(type + ":" + key, type, channel, application.getCustomerId(),
        "application", application.getId(), "origination." + type.toLowerCase(), parameters, language));
  }
}
