package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.CreditFlowWebTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dispatcher asks every {@link NotificationGate} before it sends: a refusal defers the notification (DEFERRED,
 * the gate's time and reason, no attempt spent); it goes when it is due again and every gate allows it.
 */
@CreditFlowWebTest
class NotificationGateTest {

  private static final String SUBJECT_TYPE = "gate-test";

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Clock clock;
  @Autowired ApplicationContext context;

  private final String loan = "LN-" + UUID.randomUUID();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void noBackgroundDispatch() {
    BackgroundDispatch.stop(context);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan));
  }

  /** A gate that decides by a function and remembers what it was asked. */
  static final class ScriptedGate implements NotificationGate {

    final List<Instant> askedAt = new ArrayList<>();
    private final BiFunction<Notification, Instant, Verdict> decide;

    ScriptedGate(BiFunction<Notification, Instant, Verdict> decide) {
      this.decide = decide;
    }

    @Override
    public Verdict check(Notification notification, Instant now) {
      askedAt.add(now);
      return decide.apply(notification, now);
    }
  }

  private NotificationDispatcher dispatcher(NotificationSender sender, NotificationGate... gates) {
    return new NotificationDispatcher(repository, transactionManager, sender, clock, NotificationProperties.defaults(),
        List.of(gates), NotificationDispatcher.FailureListener.NONE, meters);
  }

  private Notification enqueue(String name) {
    return notifications.enqueue(NotificationRequest.of(loan + ":" + name, NotificationTypes.PAYMENT_REMINDER,
        NotificationChannel.SMS, "CUST-GATE", SUBJECT_TYPE, loan, "servicing.payment-reminder",
        Map.of("loanNumber", loan), "zh-CN"));
  }

  private Notification reload(Notification notification) {
    return notifications.find(notification.getId()).orElseThrow();
  }

  private static void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private double deferredCount() {
    return meters.counter("creditflow.notifications.deferred", "channel", "SMS").count();
  }

  @Test
  void aRefusedNotificationIsDeferredWithItsReasonAndSentWhenDueAndAllowed() {
    Instant evening = Instant.parse("2096-03-01T15:00:00Z"); // 23:00 in Shanghai
    Instant morning = Instant.parse("2096-03-02T00:00:00Z"); // 08:00 in Shanghai
    clockAt(evening);
    Notification reminder = enqueue("quiet-hours");
    ScriptedGate quietHours = new ScriptedGate((notification, now) -> now.isBefore(morning)
        ? NotificationGate.Verdict.defer(morning, "QUIET_HOURS") : NotificationGate.Verdict.allow());
    RecordingSender sender = new RecordingSender();
    NotificationDispatcher dispatcher = dispatcher(sender, quietHours);

    assertThat(dispatcher.dispatchDue()).isZero();

    Notification deferred = reload(reminder);
    assertThat(deferred.getStatus()).isEqualTo(NotificationStatus.DEFERRED);
    assertThat(deferred.getNotBefore()).isEqualTo(morning);
    assertThat(deferred.getPolicyReason()).isEqualTo("QUIET_HOURS");
    assertThat(deferred.getAttempts()).as("a deferral is not a failed attempt").isZero();
    assertThat(deferred.getLastError()).isNull();
    assertThat(sender.sends(reminder.getId())).isZero();
    assertThat(deferredCount()).isEqualTo(1.0);

    // still night: not due, the gate is not even asked
    clockAt(morning.minusSeconds(1));
    dispatcher.dispatchDue();
    assertThat(quietHours.askedAt).containsExactly(evening);
    assertThat(reload(reminder).getStatus()).isEqualTo(NotificationStatus.DEFERRED);

    clockAt(morning);
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    Notification sent = reload(reminder);
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getSentAt()).isEqualTo(morning);
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(sent.getPolicyReason()).as("the last deferral stays in the history").isEqualTo("QUIET_HOURS");
    assertThat(sender.attempts(reminder.getId())).containsExactly(1);
    assertThat(quietHours.askedAt).containsExactly(evening, morning);
    assertThat(deferredCount()).isEqualTo(1.0);
  }

  @Test
  void everyGateMustAllowAndTheFirstRefusalDecides() {
    Instant start = Instant.parse("2096-04-01T02:00:00Z");
    clockAt(start);
    Notification notice = enqueue("two-gates");
    ScriptedGate allows = new ScriptedGate((notification, now) -> NotificationGate.Verdict.allow());
    // the cap lifts at a time that is not a whole second: deferred to the next whole second, never earlier
    ScriptedGate dailyCap = new ScriptedGate((notification, now) -> now.isBefore(start.plusSeconds(3600))
        ? NotificationGate.Verdict.defer(start.plusSeconds(3599).plusMillis(400), "SMS_DAILY_CAP")
        : NotificationGate.Verdict.allow());
    ScriptedGate never = new ScriptedGate((notification, now) -> NotificationGate.Verdict.defer(
        now.plus(Duration.ofDays(1)), "NOT_REACHED"));
    RecordingSender sender = new RecordingSender();
    NotificationDispatcher dispatcher = dispatcher(sender, allows, dailyCap, never);

    dispatcher.dispatchDue();

    Notification deferred = reload(notice);
    assertThat(deferred.getStatus()).isEqualTo(NotificationStatus.DEFERRED);
    assertThat(deferred.getPolicyReason()).isEqualTo("SMS_DAILY_CAP");
    assertThat(deferred.getNotBefore()).isEqualTo(start.plusSeconds(3600));
    assertThat(never.askedAt).as("after the first refusal no other gate is asked").isEmpty();
    assertThat(sender.sends(notice.getId())).isZero();

    // due again: the first two allow now, the third one refuses for a day
    clockAt(start.plusSeconds(3600));
    dispatcher.dispatchDue();
    Notification again = reload(notice);
    assertThat(again.getStatus()).isEqualTo(NotificationStatus.DEFERRED);
    assertThat(again.getPolicyReason()).isEqualTo("NOT_REACHED");
    assertThat(again.getNotBefore()).isEqualTo(start.plusSeconds(3600).plus(Duration.ofDays(1)));
    assertThat(again.getAttempts()).isZero();
    assertThat(sender.sends(notice.getId())).isZero();

    // a deferred notification can still be withdrawn
    assertThat(notifications.cancel(notice.getId())).isTrue();
    assertThat(reload(notice).getStatus()).isEqualTo(NotificationStatus.CANCELLED);
    clockAt(start.plus(Duration.ofDays(3)));
    dispatcher.dispatchDue();
    assertThat(sender.sends(notice.getId())).isZero();
  }

  @Test
  void aGateThatBreaksCostsAnAttemptAndIsRetriedLikeAFailedSend() {
    Instant start = Instant.parse("2096-05-01T02:00:00Z");
    clockAt(start);
    Notification notice = enqueue("broken-gate");
    ScriptedGate broken = new ScriptedGate((notification, now) -> {
      throw new IllegalStateException("contact history unavailable");
    });
    RecordingSender sender = new RecordingSender();

    dispatcher(sender, broken).dispatchDue();

    Notification failed = reload(notice);
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getNotBefore()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    assertThat(failed.getLastError()).isEqualTo("IllegalStateException: contact history unavailable");
    assertThat(sender.sends(notice.getId())).isZero();
  }
}
