package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CreditFlowWebTest
class NotificationServiceTest {

  static final String SUBJECT_TYPE = "notification-test";

  @Autowired
  NotificationService notifications;

  @Autowired
  NotificationRepository repository;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  ApplicationContext context;

  private final String application = "APP-" + UUID.randomUUID();

  @BeforeEach
  void noBackgroundDispatch() {
    BackgroundDispatch.stop(context);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, application));
  }

  private NotificationRequest offer(String key) {
    return NotificationRequest.of(key, NotificationTypes.OFFER_MADE, NotificationChannel.SMS, "CUST-42",
        SUBJECT_TYPE, application, "origination.offer-made",
        Map.of("amount", new BigDecimal("50000.00"), "termMonths", 24, "reasonCodes", List.of("R1")), "zh-CN");
  }

  @Test
  void storesAPendingNotificationToTheSecondWithSortedJsonParameters() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:15:30.987Z")));

    Notification stored = notifications.enqueue(offer(application + ":offer"));

    Notification read = notifications.find(stored.getId()).orElseThrow();
    assertThat(read.getId()).hasSize(36);
    assertThat(read.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(read.getAttempts()).isZero();
    assertThat(read.getCreatedAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
    assertThat(read.getNotBefore()).isEqualTo(read.getCreatedAt());
    assertThat(read.getSentAt()).isNull();
    assertThat(read.getLastError()).isNull();
    assertThat(read.getVersion()).isZero();
    assertThat(read.getType()).isEqualTo("OFFER_MADE");
    assertThat(read.getChannel()).isEqualTo(NotificationChannel.SMS);
    assertThat(read.getRecipientRef()).isEqualTo("CUST-42");
    assertThat(read.getTemplateKey()).isEqualTo("origination.offer-made");
    assertThat(read.getLanguage()).isEqualTo("zh-CN");
    assertThat(read.getParameters())
        .isEqualTo("{\"amount\":50000.00,\"reasonCodes\":[\"R1\"],\"termMonths\":24}");
    assertThat(read.toString()).doesNotContain("50000");
  }

  @Test
  void enqueueingTheSameKeyAgainReturnsTheStoredNotification() {
    Notification first = notifications.enqueue(offer(application + ":offer"));
    Notification again = notifications.enqueue(offer(application + ":offer"));

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(notifications.of(SUBJECT_TYPE, application)).hasSize(1);

    notifications.enqueue(offer(application + ":offer-reminder"));
    assertThat(notifications.of(SUBJECT_TYPE, application)).hasSize(2);
  }

  @Test
  void theSameKeyForAnotherMessageIsAnError() {
    notifications.enqueue(offer(application + ":offer"));
    NotificationRequest other = NotificationRequest.of(application + ":offer", NotificationTypes.APPLICATION_DECLINED,
        NotificationChannel.SMS, "CUST-42", SUBJECT_TYPE, application, "origination.declined", Map.of(), "zh-CN");

    assertThatThrownBy(() -> notifications.enqueue(other)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(application + ":offer");
    assertThat(notifications.of(SUBJECT_TYPE, application)).hasSize(1);
  }

  @Test
  void notBeforeIsKeptToTheSecond() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:15:30Z")));

    Notification stored = notifications.enqueue(offer(application + ":later")
        .notBefore(Instant.parse("2027-03-01T12:00:00.400Z")));

    assertThat(notifications.find(stored.getId()).orElseThrow().getNotBefore())
        .isEqualTo(Instant.parse("2027-03-01T12:00:00Z"));
  }

  @Test
  void theNotificationIsPartOfTheCallersTransaction() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    transaction.executeWithoutResult(status -> {
      notifications.enqueue(offer(application + ":rolled-back"));
      status.setRollbackOnly();
    });

    assertThat(notifications.of(SUBJECT_TYPE, application)).isEmpty();
  }

  @Test
  void parametersLongerThanTheColumnAreRefused() {
    NotificationRequest huge = NotificationRequest.of(application + ":huge", NotificationTypes.OFFER_MADE,
        NotificationChannel.EMAIL, "CUST-42", SUBJECT_TYPE, application, "origination.offer-made",
        Map.of("text", "x".repeat(4000)), "en");

    assertThatThrownBy(() -> notifications.enqueue(huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4000");
    assertThat(notifications.of(SUBJECT_TYPE, application)).isEmpty();
  }

  @Test
  void listsASubjectsNotificationsOldestFirst() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Notification first = notifications.enqueue(offer(application + ":1"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T11:00:00Z")));
    Notification second = notifications.enqueue(offer(application + ":2"));

    assertThat(notifications.of(SUBJECT_TYPE, application)).extracting(Notification::getId)
        .containsExactly(first.getId(), second.getId());
    assertThat(notifications.of(SUBJECT_TYPE, "APP-none")).isEmpty();
  }

  @Test
  void aPendingNotificationCanBeCancelledOnce() {
    Notification stored = notifications.enqueue(offer(application + ":offer"));

    assertThat(notifications.cancel(stored.getId())).isTrue();
    assertThat(notifications.cancel(stored.getId())).isFalse();
    assertThat(notifications.cancel("no-such-id")).isFalse();
    Notification read = notifications.find(stored.getId()).orElseThrow();
    assertThat(read.getStatus()).isEqualTo(NotificationStatus.CANCELLED);
    assertThat(read.getVersion()).isEqualTo(1L);
  }
}
