package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox on MySQL/MariaDB (profile {@code mysql}): Flyway's V4 and V12 ran, timestamps keep whole seconds, the
 * unique key holds, two dispatchers on InnoDB send each notification once, a gate's deferral round-trips, and FAILED
 * commits together with its {@code notificationFailure} process.
 */
@ExtendWith(RequiresTestDatabase.class)
class NotificationMariaDbIT {

  private static final String SUBJECT_TYPE = "notification-it";

  private static ConfigurableApplicationContext context;

  private final String application = "APP-" + UUID.randomUUID();

  @BeforeAll
  static void start() {
    context = MariaDbApplication.start();
    // this suite drives its own dispatchers
    BackgroundDispatch.stop(context);
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository().deleteAll(repository().findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE,
        application));
  }

  private static NotificationRepository repository() {
    return context.getBean(NotificationRepository.class);
  }

  private Notification enqueue(String name) {
    return context.getBean(NotificationService.class).enqueue(NotificationRequest.of(application + ":" + name,
        NotificationTypes.APPLICATION_DECLINED, NotificationChannel.SMS, "CUST-9", SUBJECT_TYPE, application,
        "origination.declined", Map.of("reasonCodes", List.of("R12")), "zh-CN"));
  }

  @Test
  void flywayCreatedTheOutboxWithItsKeys() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '4' AND success = TRUE", Long.class))
        .isEqualTo(1L);
    assertThat(jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.statistics "
        + "WHERE table_schema = DATABASE() AND table_name = 'cf_notification'", String.class))
        .contains("PRIMARY", "uk_cf_notification_idempotency", "ix_cf_notification_due",
            "ix_cf_notification_subject");
  }

  @Test
  void flywayAddedTheGateColumnsAndTheLetters() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '12' AND success = TRUE", Long.class))
        .isEqualTo(1L);
    assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
        + "AND table_name = 'cf_notification'", String.class)).contains("policy_reason", "cancel_reason");
    assertThat(jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.statistics "
        + "WHERE table_schema = DATABASE() AND table_name = 'cf_letter'", String.class))
        .contains("PRIMARY", "ix_cf_letter_status");
  }

  @Test
  void aDeferredNotificationRoundTripsAndIsSentWhenDue() {
    Instant evening = Instant.parse("2096-07-01T15:00:00Z");
    Instant morning = Instant.parse("2096-07-02T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(evening));
    Notification notice = enqueue("deferred");
    RecordingSender sender = new RecordingSender();
    NotificationGate quietHours = (notification, now) -> now.isBefore(morning)
        ? NotificationGate.Verdict.defer(morning, "QUIET_HOURS") : NotificationGate.Verdict.allow();
    NotificationDispatcher dispatcher = new NotificationDispatcher(repository(),
        context.getBean(PlatformTransactionManager.class), sender, context.getBean(Clock.class),
        NotificationProperties.defaults(), List.of(quietHours), NotificationDispatcher.FailureListener.NONE,
        new SimpleMeterRegistry());
    NotificationService service = context.getBean(NotificationService.class);

    dispatcher.dispatchDue();
    Notification deferred = service.find(notice.getId()).orElseThrow();
    assertThat(deferred.getStatus()).isEqualTo(NotificationStatus.DEFERRED);
    assertThat(deferred.getNotBefore()).isEqualTo(morning);
    assertThat(deferred.getPolicyReason()).isEqualTo("QUIET_HOURS");
    assertThat(deferred.getAttempts()).isZero();

    ClockUtil.setCurrentTime(Date.from(morning));
    dispatcher.dispatchDue();
    Notification sent = service.find(notice.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getSentAt()).isEqualTo(morning);
    assertThat(sender.sends(notice.getId())).isEqualTo(1);
  }

  @Test
  void aFailedNotificationAndItsTaskForOperationsCommitTogether() {
    // before 2038: the engine's history tables hold TIMESTAMP columns on MySQL/MariaDB
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-08-01T02:00:00Z")));
    Notification notice = enqueue("failed");
    NotificationProperties defaults = NotificationProperties.defaults();
    NotificationProperties oneAttempt = new NotificationProperties(false, defaults.dispatchInterval(),
        defaults.batchSize(), 1, defaults.initialBackoff(), defaults.maxBackoff(), defaults.claimTimeout());
    NotificationDispatcher dispatcher = new NotificationDispatcher(repository(),
        context.getBean(PlatformTransactionManager.class),
        new RecordingSender(n -> n.getId().equals(notice.getId()), Duration.ZERO),
        context.getBean(Clock.class), oneAttempt, List.of(), context.getBean(NotificationFailureProcess.class),
        new SimpleMeterRegistry());

    dispatcher.dispatchDue();

    Notification failed = context.getBean(NotificationService.class).find(notice.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NotificationFailureProcess.KEY)
        .processInstanceBusinessKey(notice.getId()).count()).isEqualTo(1);
    assertThat(context.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(notice.getId())
        .taskCandidateGroup("operations").count()).isEqualTo(1);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(notice.getId()).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
  }

  @Test
  void roundTripsToTheSecondAndKeepsTheKeyUnique() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:15:30.987Z")));

    Notification stored = enqueue("declined");
    Notification again = enqueue("declined");

    assertThat(again.getId()).isEqualTo(stored.getId());
    Notification read = context.getBean(NotificationService.class).find(stored.getId()).orElseThrow();
    assertThat(read.getCreatedAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
    assertThat(read.getNotBefore()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
    assertThat(read.getParameters()).isEqualTo("{\"reasonCodes\":[\"R12\"]}");
    assertThat(read.getVersion()).isZero();

    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThatThrownBy(() -> jdbc.update("INSERT INTO cf_notification (id, idempotency_key, type, channel, "
            + "recipient_ref, subject_type, subject_id, template_key, parameters, language, status, attempts, "
            + "not_before, created_at, version) SELECT ?, idempotency_key, type, channel, recipient_ref, subject_type, "
            + "subject_id, template_key, parameters, language, status, attempts, not_before, created_at, version "
            + "FROM cf_notification WHERE id = ?", UUID.randomUUID().toString(), stored.getId()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void twoDispatchersOnInnoDbSendEachNotificationOnce() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2095-01-01T08:00:00Z")));
    List<Notification> queued = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      queued.add(enqueue("bulk-" + i));
    }
    RecordingSender sender = new RecordingSender(n -> false, Duration.ofMillis(2));
    NotificationProperties defaults = NotificationProperties.defaults();
    NotificationProperties smallBatches = new NotificationProperties(false, defaults.dispatchInterval(), 6,
        defaults.maxAttempts(), defaults.initialBackoff(), defaults.maxBackoff(), defaults.claimTimeout());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Integer>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        NotificationDispatcher dispatcher = new NotificationDispatcher(repository(),
            context.getBean(PlatformTransactionManager.class), sender, context.getBean(Clock.class), smallBatches);
        runs.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return dispatcher.dispatchDue();
        }, nodes));
      }
      go.countDown();
      for (CompletableFuture<Integer> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }

      NotificationService service = context.getBean(NotificationService.class);
      assertThat(queued).allSatisfy(notification -> {
        assertThat(sender.sends(notification.getId())).isEqualTo(1);
        Notification read = service.find(notification.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(read.getAttempts()).isEqualTo(1);
        assertThat(read.getSentAt()).isEqualTo(Instant.parse("2095-01-01T08:00:00Z"));
      });
    } finally {
      nodes.shutdownNow();
    }
  }
}
