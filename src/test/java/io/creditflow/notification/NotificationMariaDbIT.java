package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
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
 * The outbox on MySQL/MariaDB (profile {@code mysql}): Flyway's V4 ran, timestamps keep whole seconds, the unique key
 * holds, and two dispatchers on InnoDB send each notification once.
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
