package io.creditflow.hardship;

import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.Loan;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the hardship assessment tells the customer, through the outbox, by SMS in the customer's language: the new
 * instalment and term, or the decline reason. One notice per request (idempotency key = type and request id).
 */
@Component
class HardshipNotices {

  static final String HARDSHIP_APPROVED = "HARDSHIP_APPROVED";
  static final String HARDSHIP_DECLINED = "HARDSHIP_DECLINED";

  private final NotificationService notifications;
  private final CustomerService customers;

  HardshipNotices(NotificationService notifications, CustomerService customers) {
    this.notifications = notifications;
    this.customers = customers;
  }

  void approved(HardshipRequest request, Loan loan) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", request.getLoanNumber());
    parameters.put("currency", loan.getCurrency());
    parameters.put("newInstalment", request.getNewInstalment().toPlainString());
    parameters.put("newRemainingMonths", request.getNewRemainingMonths());
    enqueue(request, loan, HARDSHIP_APPROVED, parameters);
  }

  void declined(HardshipRequest request, Loan loan) {
    enqueue(request, loan, HARDSHIP_DECLINED, Map.of("loanNumber", request.getLoanNumber(),
        "reason", request.getDeclineReason().name()));
  }

  private void enqueue(HardshipRequest request, Loan loan, String type, Map<String, ?> parameters) {
    String language = customers.get(loan.getCustomerId()).getPreferredLanguage();
    notifications.enqueue(NotificationRequest.of(type + ":" + request.getId(), type, NotificationChannel.SMS,
        loan.getCustomerId(), "hardship-request", request.getId(), "hardship." + type.toLowerCase().replace('_', '-'),
        parameters, language));
  }
}
