package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.support.CreditFlowWebTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dispatcher on the application's database and engine clock. Each test drives its own dispatcher with a
 * recording sender; the times lie in the far future, so that rows other tests leave behind do not matter.
 */
@CreditFlowWebTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationDispatcherTest {

  private static final String SUBJECT_TYPE = NotificationServiceTest.SUBJECT_TYPE;

  @Autowired
  NotificationService notifications;

  @Autowired
  NotificationRepository repository;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  Clock clock;

  @Autowired
  ApplicationContext context;

  @Autowired
  CustomerService customers;

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

  private static void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private NotificationDispatcher dispatcher(NotificationSender sender, int batchSize) {
    NotificationProperties defaults = NotificationProperties.defaults();
    return new NotificationDispatcher(repository, transactionManager, sender, clock,
        new NotificationProperties(false, defaults.dispatchInterval(), batchSize, 5, Duration.ofMinutes(1),
            Duration.ofHours(1), Duration.ofMinutes(5)));
  }

  private Notification enqueue(String name) {
    return notifications.enqueue(NotificationRequest.of(application + ":" + name, NotificationTypes.LOAN_DISBURSED,
        NotificationChannel.APP_PUSH, "CUST-7", SUBJECT_TYPE, application, "servicing.disbursed",
        Map.of("amount", "20000.00"), "en"));
  }

  private Notification reload(Notification notification) {
    return notifications.find(notification.getId()).orElseThrow();
  }

  @Test
  void sendsWhatIsDueAndLeavesTheFutureForLater() {
    Instant start = Instant.parse("2091-01-01T08:00:00Z");
    clockAt(start);
    Notification now = enqueue("now");
    Notification alsoNow = enqueue("also-now");
    Notification tonight = notifications.enqueue(NotificationRequest.of(application + ":tonight",
        NotificationTypes.LOAN_DISBURSED, NotificationChannel.SMS, "CUST-7", SUBJECT_TYPE, application,
        "servicing.disbursed", Map.of(), "zh-CN").notBefore(start.plus(Duration.ofHours(12))));
    RecordingSender sender = new RecordingSender();
    clockAt(start.plusSeconds(1));

    int sent = dispatcher(sender, 50).dispatchDue();

    assertThat(sent).isGreaterThanOrEqualTo(2);
    assertThat(sender.attempts(now.getId())).containsExactly(1);
    assertThat(sender.attempts(alsoNow.getId())).containsExactly(1);
    assertThat(sender.sends(tonight.getId())).isZero();
    assertThat(reload(now).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(reload(now).getSentAt()).isEqualTo(start.plusSeconds(1));
    assertThat(reload(now).getAttempts()).isEqualTo(1);
    assertThat(reload(tonight).getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(reload(tonight).getAttempts()).isZero();

    clockAt(start.plus(Duration.ofHours(12)).minusSeconds(1));
    dispatcher(sender, 50).dispatchDue();
    assertThat(reload(tonight).getStatus()).isEqualTo(NotificationStatus.PENDING);

    clockAt(start.plus(Duration.ofHours(12)));
    dispatcher(sender, 50).dispatchDue();
    assertThat(reload(tonight).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sender.sends(tonight.getId())).isEqualTo(1);
    assertThat(sender.sends(now.getId())).isEqualTo(1);
  }

  @Test
  void aFailingSendIsRetriedWithGrowingBackoffThenFailedWithoutStoppingTheBatch() {
    Instant start = Instant.parse("2092-01-01T08:00:00Z");
    clockAt(start);
    Notification failing = enqueue("failing");
    Notification fine = enqueue("fine");
    RecordingSender sender = new RecordingSender(n -> n.getId().equals(failing.getId()), Duration.ZERO);
    NotificationDispatcher dispatcher = dispatcher(sender, 50);

    dispatcher.dispatchDue();

    assertThat(reload(fine).getStatus()).isEqualTo(NotificationStatus.SENT);
    Notification afterFirst = reload(failing);
    assertThat(afterFirst.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(afterFirst.getAttempts()).isEqualTo(1);
    assertThat(afterFirst.getNotBefore()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    assertThat(afterFirst.getLastError()).isEqualTo("IllegalStateException: SMS gateway answered 503");

    // not before its time
    clockAt(start.plusSeconds(59));
    dispatcher.dispatchDue();
    assertThat(sender.sends(failing.getId())).isEqualTo(1);

    // attempts 2, 3, 4 fail: the wait doubles (2, 4, 8 minutes)
    Instant at = start.plus(Duration.ofMinutes(1));
    for (int attempt = 2; attempt <= 4; attempt++) {
      clockAt(at);
      dispatcher.dispatchDue();
      Notification after = reload(failing);
      Duration backoff = Duration.ofMinutes(1L << (attempt - 1));
      assertThat(after.getAttempts()).isEqualTo(attempt);
      assertThat(after.getStatus()).isEqualTo(NotificationStatus.PENDING);
      assertThat(after.getNotBefore()).isEqualTo(at.plus(backoff));
      at = at.plus(backoff);
    }

    // the fifth failure is the last
    clockAt(at);
    dispatcher.dispatchDue();
    Notification failed = reload(failing);
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(5);
    assertThat(failed.getSentAt()).isNull();
    assertThat(failed.getLastError()).contains("503");

    clockAt(at.plus(Duration.ofDays(2)));
    dispatcher.dispatchDue();
    assertThat(sender.attempts(failing.getId())).containsExactly(1, 2, 3, 4, 5);
    assertThat(sender.sends(fine.getId())).isEqualTo(1);
  }

  @Test
  void whenTheFollowUpOfAFailureCannotStartNothingIsRecordedAndTheNotificationIsTriedAgainAfterItsLease() {
    Instant start = Instant.parse("2092-06-01T08:00:00Z");
    clockAt(start);
    Notification failing = enqueue("no-follow-up");
    List<String> followUps = new ArrayList<>();
    NotificationProperties oneAttempt = new NotificationProperties(false, Duration.ofSeconds(10), 50, 1,
        Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5));
    RecordingSender sender = new RecordingSender(n -> true, Duration.ZERO);
    NotificationDispatcher broken = new NotificationDispatcher(repository, transactionManager, sender, clock,
        oneAttempt, List.of(), id -> {
          throw new IllegalStateException("engine unavailable");
        }, new SimpleMeterRegistry());

    broken.dispatchDue();

    Notification leased = reload(failing);
    assertThat(leased.getStatus()).as("FAILED rolled back with its follow-up").isEqualTo(NotificationStatus.PENDING);
    assertThat(leased.getNotBefore()).isEqualTo(start.plus(Duration.ofMinutes(5)));
    assertThat(leased.getLastError()).isNull();

    NotificationDispatcher working = new NotificationDispatcher(repository, transactionManager, sender, clock,
        oneAttempt, List.of(), followUps::add, new SimpleMeterRegistry());
    clockAt(start.plus(Duration.ofMinutes(5)));
    working.dispatchDue();

    Notification failed = reload(failing);
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getLastError()).isEqualTo("IllegalStateException: SMS gateway answered 503");
    assertThat(followUps).containsExactly(failing.getId());
    assertThat(sender.sends(failing.getId())).isEqualTo(2);
  }

  @Test
  void twoConcurrentDispatchersSendEachNotificationExactlyOnce() throws Exception {
    Instant start = Instant.parse("2093-01-01T08:00:00Z");
    clockAt(start);
    List<Notification> queued = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      queued.add(enqueue("bulk-" + i));
    }
    RecordingSender sender = new RecordingSender(n -> false, Duration.ofMillis(2));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Integer>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        NotificationDispatcher dispatcher = dispatcher(sender, 7);
        runs.add(CompletableFuture.supplyAsync(() -> {
          awaitQuietly(go);
          return dispatcher.dispatchDue();
        }, nodes));
      }
      go.countDown();
      int sentByBoth = 0;
      for (CompletableFuture<Integer> run : runs) {
        sentByBoth += run.get(60, TimeUnit.SECONDS);
      }

      assertThat(queued).allSatisfy(notification -> {
        assertThat(sender.sends(notification.getId())).as(notification.getIdempotencyKey()).isEqualTo(1);
        Notification read = reload(notification);
        assertThat(read.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(read.getAttempts()).isEqualTo(1);
      });
      assertThat(sentByBoth).isGreaterThanOrEqualTo(queued.size());
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void theApplicationDispatcherLogsWithMaskedAddressesWhenDeliveryIsLog(CapturedOutput output) {
    NotificationSender sender = context.getBean(NotificationSender.class);
    assertThat(sender).isInstanceOf(RoutingNotificationSender.class);
    assertThat(((RoutingNotificationSender) sender).channel(NotificationChannel.SMS))
        .isInstanceOf(LoggingNotificationSender.class);
    assertThat(((RoutingNotificationSender) sender).channel(NotificationChannel.LETTER))
        .isInstanceOf(LetterSender.class);
    clockAt(Instant.parse("2094-01-01T08:00:00Z"));
    String customerId = customers.register(new CustomerService.PersonalDetails("DT-" + UUID.randomUUID(),
        "Li Wei", LocalDate.of(1990, 4, 12), "+8613800138000", "li.wei@example.com", "en")).getId();
    Notification sms = notifications.enqueue(NotificationRequest.of(application + ":logged-sms",
        NotificationTypes.LOAN_DISBURSED, NotificationChannel.SMS, customerId, SUBJECT_TYPE, application,
        "origination.loan_disbursed", Map.of("loanNumber", "LN-1", "amount", "20000.00", "currency", "CNY"), "en"));
    Notification email = notifications.enqueue(NotificationRequest.of(application + ":logged-email",
        NotificationTypes.LOAN_DISBURSED, NotificationChannel.EMAIL, customerId, SUBJECT_TYPE, application,
        "origination.loan_disbursed", Map.of("loanNumber", "LN-1", "amount", "20000.00", "currency", "CNY"), "en"));

    context.getBean(NotificationDispatcher.class).dispatchDue();

    assertThat(reload(sms).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(reload(email).getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(output.getAll())
        .contains("Notification " + sms.getId() + " LOAN_DISBURSED via SMS to +86*******8000")
        .contains("Notification " + email.getId() + " LOAN_DISBURSED via EMAIL to l*****@example.com")
        .doesNotContain("+8613800138000").doesNotContain("li.wei@example.com")
        .doesNotContain("20000.00");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
