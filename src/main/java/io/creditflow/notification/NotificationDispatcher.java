package io.creditflow.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox: every PENDING or DEFERRED notification whose {@code notBefore} has come (engine
 * clock).
 *
 * <p>Safe with several nodes. Each row is first <em>claimed</em> in its own short transaction by an update guarded
 * by the version read before ({@code attempts + 1}, {@code notBefore} moved to the end of a lease of
 * {@code claim-timeout}); of two nodes only one such update matches the row, and only that node goes on with it.
 *
 * <p>Then every {@link NotificationGate} (the lawful-contact policy; zero or more, all must allow) is asked, in a
 * transaction of its own. A refusal turns the row DEFERRED until the gate's {@code deferUntil}, stores the gate's
 * reason ({@code policyReason}) and gives the claimed attempt back, in the same transaction, so that what the gate
 * recorded and the deferral commit together. Only the node holding the claim asks the gates.
 *
 * <p>The send happens outside any transaction; then a second update records SENT, or the failure: {@code lastError},
 * and {@code notBefore} pushed back exponentially, or FAILED after {@code max-attempts}. The FAILED update and the
 * start of the {@code notificationFailure} process (a task for {@code operations}) commit in one transaction, so a
 * failed notification is never without its task; if that start fails, nothing is recorded and the notification is
 * tried again when its lease ends. A node that dies between claim and record leaves the row with its lease; it is
 * tried again when the lease ends (at-least-once delivery). A failing send never stops the batch.
 *
 * <p>Counters {@code creditflow.notifications.sent}, {@code .failed} (notifications given up, FAILED) and
 * {@code .deferred}, tagged by {@code channel}.
 */
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ERROR = 1000;
  private static final int MAX_REASON = 64;
  /** What the dispatcher sends: waiting rows, and rows a gate deferred. */
  static final Set<NotificationStatus> DUE = EnumSet.of(NotificationStatus.PENDING, NotificationStatus.DEFERRED);

  /** Told, inside the transaction that marks a notification FAILED, so that its follow-up commits with it. */
  interface FailureListener {

    FailureListener NONE = notificationId -> { };

    void failed(String notificationId);
  }

  private final NotificationRepository repository;
  private final TransactionTemplate transactions;
  private final NotificationSender sender;
  private final Clock clock;
  private final NotificationProperties properties;
  private final List<NotificationGate> gates;
  private final FailureListener failures;
  private final MeterRegistry meters;

  /** A dispatcher without gates, failure process or metrics registry (tests that drive it themselves). */
  NotificationDispatcher(NotificationRepository repository, PlatformTransactionManager transactionManager,
      NotificationSender sender, Clock clock, NotificationProperties properties) {
    this(repository, transactionManager, sender, clock, properties, List.of(), FailureListener.NONE,
        new SimpleMeterRegistry());
  }

  NotificationDispatcher(NotificationRepository repository, PlatformTransactionManager transactionManager,
      NotificationSender sender, Clock clock, NotificationProperties properties, List<NotificationGate> gates,
      FailureListener failures, MeterRegistry meters) {
    this.repository = repository;
    this.transactions = new TransactionTemplate(transactionManager);
    // every claim and record commits on its own, even when a caller runs us inside a transaction
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.sender = sender;
    this.clock = clock;
    this.properties = properties;
    this.gates = List.copyOf(gates);
    this.failures = failures;
    this.meters = meters;
  }

  /**
   * Sends every notification due now, batch by batch, and returns how many this call sent. Rows that fail or are
   * deferred are rescheduled and not tried again in the same call; rows another node claims are left to it.
   */
  public int dispatchDue() {
    Instant now = now();
    Set<String> seen = new HashSet<>();
    int sent = 0;
    while (true) {
      List<Notification> due = transactions.execute(status ->
          repository.findDue(DUE, now, Limit.of(properties.batchSize())));
      List<Notification> fresh = due.stream().filter(notification -> seen.add(notification.getId())).toList();
      for (Notification notification : fresh) {
        if (dispatch(notification, now)) {
          sent++;
        }
      }
      if (fresh.isEmpty() || due.size() < properties.batchSize()) {
        return sent;
      }
    }
  }

  /** Claims, checks, sends and records one notification; true when this call sent it. */
  private boolean dispatch(Notification notification, Instant now) {
    Instant leaseUntil = now().plus(properties.claimTimeout());
    if (!claim(notification, now, leaseUntil)) {
      return false;
    }
    notification.claimed(leaseUntil);
    try {
      if (!gates.isEmpty() && Boolean.TRUE.equals(transactions.execute(status -> deferredByGate(notification)))) {
        return false;
      }
      sender.send(notification);
    } catch (RuntimeException e) {
      recordFailure(notification, e);
      return false;
    }
    int updated = transactions.execute(status -> repository.markSent(notification.getId(),
        notification.getVersion(), now(), NotificationStatus.SENT));
    count("sent", notification);
    if (updated == 0) {
      log.warn("Notification {} was sent after its claim of {} ran out; another node may send it again",
          notification.getId(), properties.claimTimeout());
    }
    return true;
  }

  private boolean claim(Notification notification, Instant now, Instant leaseUntil) {
    try {
      return transactions.execute(status -> repository.claim(notification.getId(), notification.getVersion(), now,
          leaseUntil, DUE)) == 1;
    } catch (ConcurrencyFailureException e) {
      // another node holds or just changed the row (lock timeout, deadlock victim): its turn
      log.debug("Notification {} is being handled by another node", notification.getId());
      return false;
    }
  }

  /** Asks the gates in turn (inside the caller's transaction); on the first refusal defers the row. */
  private boolean deferredByGate(Notification notification) {
    Instant at = now();
    for (NotificationGate gate : gates) {
      NotificationGate.Verdict verdict = gate.check(notification, at);
      if (verdict == null) {
        throw new IllegalStateException("Notification gate " + gate.getClass().getSimpleName() + " gave no verdict");
      }
      if (verdict.allowed()) {
        continue;
      }
      // whole seconds, never earlier than the gate allows, and always later than now
      Instant until = ceilToSecond(verdict.deferUntil());
      if (!until.isAfter(at)) {
        until = at.plusSeconds(1);
      }
      String reason = verdict.reason().length() <= MAX_REASON ? verdict.reason()
          : verdict.reason().substring(0, MAX_REASON);
      Instant deferredUntil = until;
      int updated = repository.markDeferred(notification.getId(), notification.getVersion(), deferredUntil, reason,
          NotificationStatus.DEFERRED);
      if (updated == 0) {
        log.warn("Notification {}: claim ran out before its deferral ({}) was recorded", notification.getId(),
            reason);
      } else {
        count("deferred", notification);
        log.info("Notification {} {} via {} deferred until {}: {}", notification.getId(), notification.getType(),
            notification.getChannel(), deferredUntil, reason);
      }
      return true;
    }
    return false;
  }

  private void recordFailure(Notification notification, RuntimeException error) {
    int attempts = notification.getAttempts();
    boolean giveUp = attempts >= properties.maxAttempts();
    Instant retryAt = giveUp ? now() : now().plus(properties.backoffAfter(attempts));
    String message = describe(error);
    int updated;
    try {
      updated = transactions.execute(status -> {
        int rows = repository.markFailedAttempt(notification.getId(), notification.getVersion(),
            giveUp ? NotificationStatus.FAILED : NotificationStatus.PENDING, retryAt, message);
        if (rows == 1 && giveUp) {
          failures.failed(notification.getId());
        }
        return rows;
      });
    } catch (RuntimeException e) {
      // nothing recorded: the row keeps its claim and is tried again when the lease ends
      log.error("Notification {}: attempt {} failed ({}) and could not be recorded, tried again after {}: {}",
          notification.getId(), attempts, message, properties.claimTimeout(), e.toString());
      return;
    }
    if (updated == 0) {
      log.warn("Notification {}: attempt {} failed after its claim ran out ({})", notification.getId(), attempts,
          error.getClass().getSimpleName());
    } else if (giveUp) {
      count("failed", notification);
      log.error("Notification {} {} via {} FAILED after {} attempts: {}", notification.getId(),
          notification.getType(), notification.getChannel(), attempts, message);
    } else {
      log.warn("Notification {} {}: attempt {} of {} failed, next at {}: {}", notification.getId(),
          notification.getType(), attempts, properties.maxAttempts(), retryAt, message);
    }
  }

  private void count(String outcome, Notification notification) {
    meters.counter("creditflow.notifications." + outcome, "channel", notification.getChannel().name()).increment();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant ceilToSecond(Instant instant) {
    Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(instant) ? whole : whole.plusSeconds(1);
  }

  private static String describe(RuntimeException error) {
    String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }
}
