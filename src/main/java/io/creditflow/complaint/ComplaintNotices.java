package io.creditflow.complaint;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the complaint process tells the customer, through the outbox, in the complaint's language: by e-mail when the
 * customer has an address, else by SMS. Subject type {@code complaint}. The template keys start with
 * {@code regulatory.complaint-}: these are the legally required messages, which the contact policy lets through
 * during collection holds (processes/contact/contact-purposes.dmn, rule Rule_RegulatoryPrefix). One notice per
 * complaint and type (idempotency key = complaint id, type and, for the extension, the new deadline). Parameters are
 * codes, dates and amounts; never the description. {@code cn}/{@code uk}/{@code us} choose the regulator or
 * ombudsman the final responses name.
 */
@Component
class ComplaintNotices {

  static final String ACKNOWLEDGED = "COMPLAINT_ACKNOWLEDGED";
  static final String EXTENDED = "COMPLAINT_EXTENDED";
  static final String IN_PROGRESS = "COMPLAINT_IN_PROGRESS";
  static final String FINAL_RESPONSE = "COMPLAINT_FINAL_RESPONSE";
  static final String SUMMARY_RESOLUTION = "COMPLAINT_SUMMARY_RESOLUTION";
  static final String SECOND_LEVEL_RESPONSE = "COMPLAINT_SECOND_LEVEL_RESPONSE";

  static final String SUBJECT_TYPE = "complaint";

  private final NotificationService notifications;
  private final CustomerService customers;
  private final ZoneId zone;

  ComplaintNotices(NotificationService notifications, CustomerService customers, java.time.Clock clock) {
    this.notifications = notifications;
    this.customers = customers;
    this.zone = clock.getZone();
  }

  static String templateKey(String type) {
    return "regulatory." + type.toLowerCase().replace('_', '-');
  }

  void acknowledged(Complaint c) {
    Map<String, Object> p = base(c);
    p.put("dueBy", date(c.getDueBy()));
    send(c, ACKNOWLEDGED, ACKNOWLEDGED, p);
  }

  void extended(Complaint c) {
    Map<String, Object> p = base(c);
    p.put("dueBy", date(c.getDueBy()));
    send(c, EXTENDED, EXTENDED + ":" + date(c.getDueBy()), p);
  }

  void inProgress(Complaint c) {
    Map<String, Object> p = base(c);
    p.put("dueBy", date(c.getDueBy()));
    send(c, IN_PROGRESS, IN_PROGRESS, p);
  }

  void finalResponse(Complaint c, String currency) {
    String type = c.isSummaryResolution() ? SUMMARY_RESOLUTION : FINAL_RESPONSE;
    send(c, type, type, response(c, currency));
  }

  void secondLevelResponse(Complaint c, String currency) {
    send(c, SECOND_LEVEL_RESPONSE, SECOND_LEVEL_RESPONSE, response(c, currency));
  }

  private Map<String, Object> response(Complaint c, String currency) {
    Map<String, Object> p = base(c);
    ComplaintOutcome outcome = c.finalOutcome();
    p.put("outcome", outcome.name());
    p.put("upheld", outcome == ComplaintOutcome.UPHELD);
    p.put("partiallyUpheld", outcome == ComplaintOutcome.PARTIALLY_UPHELD);
    p.put("rejected", outcome == ComplaintOutcome.REJECTED);
    Set<ComplaintRemedy> remedies = c.remedySet();
    p.put("refund", remedies.contains(ComplaintRemedy.REFUND));
    p.put("feeWaiver", remedies.contains(ComplaintRemedy.FEE_WAIVER));
    p.put("creditReportCorrection", remedies.contains(ComplaintRemedy.CREDIT_REPORT_CORRECTION));
    p.put("apology", remedies.contains(ComplaintRemedy.APOLOGY));
    if (c.getRefundAmount() != null) {
      p.put("refundAmount", c.getRefundAmount().toPlainString());
      p.put("currency", currency);
    }
    return p;
  }

  private Map<String, Object> base(Complaint c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("complaintReference", reference(c));
    p.put("cn", c.getJurisdiction() == Jurisdiction.CN);
    p.put("uk", c.getJurisdiction() == Jurisdiction.UK);
    p.put("us", c.getJurisdiction() == Jurisdiction.US);
    return p;
  }

  /** The short reference the customer quotes: the first 8 characters of the id, upper case. */
  static String reference(Complaint c) {
    return c.getId().substring(0, 8).toUpperCase();
  }

  private void send(Complaint c, String type, String key, Map<String, Object> parameters) {
    Customer customer = customers.get(c.getCustomerId());
    NotificationChannel channel = customer.getEmail() == null || customer.getEmail().isBlank()
        ? NotificationChannel.SMS : NotificationChannel.EMAIL;
    notifications.enqueue(NotificationRequest.of("complaint:" + c.getId() + ":" + key, type, channel,
        c.getCustomerId(), SUBJECT_TYPE, c.getId(), templateKey(type), parameters, c.getPreferredLanguage()));
  }

  private String date(Instant instant) {
    return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
  }
}
