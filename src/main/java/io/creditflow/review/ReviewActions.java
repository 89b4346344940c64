package io.creditflow.review;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.LedgerActions;
import io.creditflow.servicing.LoanQueries;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code creditLimitReview} does: the ledger action (through {@link LedgerActions}, reason = "credit review" and
 * the reason code) and the customer's notice with the reason code (outbox, SMS; key = notice type + line + review
 * date, so a retried job sends once). Joins the job's transaction.
 */
@Service
public class ReviewActions {

  private final LedgerActions ledger;
  private final LoanQueries queries;
  private final NotificationService notifications;
  private final CustomerRepository customers;
  private final ReviewProperties properties;

  ReviewActions(LedgerActions ledger, LoanQueries queries, NotificationService notifications,
      CustomerRepository customers, ReviewProperties properties) {
    this.ledger = ledger;
    this.queries = queries;
    this.notifications = notifications;
    this.customers = customers;
    this.properties = properties;
  }

  /** INCREASE / DECREASE: the new limit; FREEZE: the line frozen. Repeating it changes nothing. */
  @Transactional
  public void apply(String creditLineId, LimitAction action, BigDecimal proposedLimit, String reasonCode,
      String actor) {
    String reason = "credit review: " + reasonCode;
    switch (action) {
      case INCREASE, DECREASE -> ledger.changeLimit(creditLineId, proposedLimit, reason, actor);
      case FREEZE -> ledger.freezeLine(creditLineId, reason, actor);
      case KEEP -> { }
    }
  }

  /** The customer's notice of the applied action, with the reason code and text. */
  @Transactional
  public void notifyCustomer(String creditLineId, LimitAction action, String newLimit, String reasonCode,
      String reasonText, String reviewDate) {
    CreditLine line = queries.creditLineOnly(creditLineId).orElseThrow(
        () -> new IllegalStateException("no credit line " + creditLineId));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("creditLineId", creditLineId);
    parameters.put("action", action.name());
    parameters.put("creditLimit", newLimit);
    parameters.put("currency", line.getCurrency());
    parameters.put("reasonCode", reasonCode);
    parameters.put("reasonText", reasonText);
    String language = customers.findById(line.getCustomerId()).map(Customer::getPreferredLanguage)
        .orElse(properties.noticeLanguage());
    notifications.enqueue(NotificationRequest.of(CreditLimitReview.NOTICE + ":" + creditLineId + ":" + reviewDate,
        CreditLimitReview.NOTICE, NotificationChannel.SMS, line.getCustomerId(), "creditLine", creditLineId,
        "servicing.credit-limit-reviewed", parameters, language));
  }
}
