package io.creditflow.contact;

import static io.creditflow.contact.ContactFixture.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationGate;
import io.creditflow.notification.NotificationGate.Verdict;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The policy in front of the outbox: notifications about a loan are decided, recorded and deferred. */
@CreditFlowWebTest
class ContactNotificationGateTest {

  @Autowired List<NotificationGate> gates;
  @Autowired ContactNotificationGate gate;
  @Autowired ContactPolicyService policy;
  @Autowired NotificationService notifications;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired JdbcTemplate jdbc;

  ContactFixture.Booked booked;

  @BeforeEach
  void aLoan() {
    booked = ContactFixture.loan(disbursements, customers);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private Notification notification(NotificationChannel channel, String template, String recipient,
      String subjectType, String subjectId) {
    return notifications.enqueue(NotificationRequest.of(UUID.randomUUID().toString(), "COLLECTION_REMINDER", channel,
        recipient, subjectType, subjectId, template, Map.of("amount", "1066.19"), "en"));
  }

  private Notification sms(String template) {
    return notification(NotificationChannel.SMS, template, booked.customerId(), "loan", booked.loanNumber());
  }

  private long allowedDecisionsOf(Notification notification) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_decision WHERE notification_id = ? AND allowed = ?",
        Long.class, notification.getId(), true);
  }

  @Test
  void theGateIsTheOutboxsNotificationGate() {
    assertThat(gates).contains(gate);
  }

  @Test
  void aDeferredNotificationCountsOnceWhenLaterAllowed() {
    Notification first = sms("collection.dpd1-sms");

    Verdict night = gate.check(first, shanghai("2027-03-02T23:00:00"));
    assertThat(night).isEqualTo(Verdict.defer(shanghai("2027-03-03T08:00:00"), "QUIET_HOURS"));

    assertThat(gate.check(first, shanghai("2027-03-03T08:00:00")).allowed()).isTrue();
    // the same notification asked again (a failed send being retried) is not held back by its own first pass
    assertThat(gate.check(first, shanghai("2027-03-03T08:05:00")).allowed()).isTrue();
    assertThat(allowedDecisionsOf(first)).isEqualTo(2);

    Notification second = sms("collection.dpd2-sms");
    Verdict capped = gate.check(second, shanghai("2027-03-03T09:00:00"));
    assertThat(capped).isEqualTo(Verdict.defer(shanghai("2027-03-04T08:00:00"), "SMS_DAILY_CAP"));
    assertThat(gate.check(second, shanghai("2027-03-04T08:00:00")).allowed()).isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_decision WHERE notification_id = ?", Long.class,
        second.getId())).isEqualTo(2);
  }

  @Test
  void aRefusalWithoutAKnownEndIsAskedAgainAfterTheRecheckInterval() {
    policy.hold(booked.loanNumber(), "complaint:CMP-9", "complaint", shanghai("2027-03-02T09:00:00"));
    Instant now = shanghai("2027-03-02T10:00:00");

    Verdict verdict = gate.check(sms("collection.dpd1-sms"), now);

    assertThat(verdict).isEqualTo(Verdict.defer(now.plus(Duration.ofHours(1)), "ON_HOLD"));
  }

  @Test
  void aNotificationToSomeoneOtherThanTheBorrowerIsRefused() {
    Instant now = shanghai("2027-03-02T10:00:00");
    Notification toSomeoneElse = notification(NotificationChannel.LETTER, "collection.formal-demand",
        "other-customer", "loan", booked.loanNumber());

    assertThat(gate.check(toSomeoneElse, now).reason()).isEqualTo("THIRD_PARTY");
  }

  @Test
  void notificationsAboutOtherSubjectsGoAtOnceUndecided() {
    Notification application = notification(NotificationChannel.SMS, "origination.offer-made", booked.customerId(),
        "application", "APP-" + UUID.randomUUID());

    assertThat(gate.check(application, shanghai("2027-03-02T23:30:00"))).isEqualTo(Verdict.allow());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_decision WHERE notification_id = ?", Long.class,
        application.getId())).isZero();
  }
}
