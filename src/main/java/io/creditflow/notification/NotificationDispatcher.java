package io.creditflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Sends what is due in the outbox: every PENDING notification whose {@code notBefore} has come (engine clock).
 *
 * <p>Safe with several nodes. Each row is first <em>claimed</em> in its own short transaction by an update guarded
 * by the version read before ({@code attempts + 1}, {@code notBefore} moved to the end of a lease of
 * {@code claim-timeout}); of two nodes only one such update matches the row, and only that node sends. The send
 * happens outside any transaction; then a second update records SENT, or the failure: {@code lastError}, and
 * {@code notBefore} pushed back exponentially, or FAILED after {@code max-attempts}. A node that dies between claim
 * and record leaves the row PENDING with its lease; it is tried again when the lease ends (at-least-once delivery).
 * A failing send never stops the batch.
 */
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ERROR = 1000;

  private final NotificationRepository repository;
  private final TransactionTemplate transactions;
  private final NotificationSender sender;
  private final Clock clock;
  private final NotificationProperties properties;

  NotificationDispatcher(NotificationRepository repository, PlatformTransactionManager transactionManager,
      NotificationSender sender, Clock clock, NotificationProperties properties) {
    this.repository = repository;
    this.transactions = new TransactionTemplate(transactionManager);
    // every claim and record commits on its own, even when a caller runs us inside a transaction
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.sender = sender;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Sends every notification due now, batch by batch, and returns how many this call sent. Rows that fail are
   * rescheduled and not tried again in the same call; rows another node claims are left to it.
   */
  public int dispatchDue() {
    Instant now = now();
    Set<String> seen = new HashSet<>();
    int sent = 0;
    while (true) {
      List<Notification> due = transactions.execute(status ->
          repository.findDue(NotificationStatus.PENDING, now, Limit.of(properties.batchSize())));
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

  /** Claims, sends and records one notification; true when this call sent it. */
  private boolean dispatch(Notification notification, Instant now) {
    Instant leaseUntil = now().plus(properties.claimTimeout());
    if (!claim(notification, now, leaseUntil)) {
      return false;
    }
    notification.claimed(leaseUntil);
    try {
      sender.send(notification);
    } catch (RuntimeException e) {
      recordFailure(notification, e);
      return false;
    }
    int updated = transactions.execute(status -> repository.markSent(notification.getId(),
        notification.getVersion(), now(), NotificationStatus.SENT));
    if (updated == 0) {
      log.warn("Notification {} was sent after its claim of {} ran out; another node may send it again",
          notification.getId(), properties.claimTimeout());
    }
    return true;
  }

  private boolean claim(Notification notification, Instant now, Instant leaseUntil) {
    try {
      return transactions.execute(status -> repository.claim(notification.getId(), notification.getVersion(), now,
          leaseUntil, NotificationStatus.PENDING)) == 1;
    } catch (ConcurrencyFailureException e) {
      // another node holds or just changed the row (lock timeout, deadlock victim): its turn
      log.debug("Notification {} is being handled by another node", notification.getId());
      return false;
    }
  }

  private void recordFailure(Notification notification, RuntimeException error) {
    int attempts = notification.getAttempts();
    boolean giveUp = attempts >= properties.maxAttempts();
    Instant retryAt = giveUp ? now() : now().plus(properties.backoffAfter(attempts));
    String message = describe(error);
    int updated = transactions.execute(status -> repository.markFailedAttempt(notification.getId(),
        notification.getVersion(), giveUp ? NotificationStatus.FAILED : NotificationStatus.PENDING, retryAt,
        message));
    if (updated == 0) {
      log.warn("Notification {}: attempt {} failed after its claim ran out ({})", notification.getId(), attempts,
          error.getClass().getSimpleName());
    } else if (giveUp) {
      log.error("Notification {} {} FAILED after {} attempts: {}", notification.getId(), notification.getType(),
          attempts, message);
    } else {
      log.warn("Notification {} {}: attempt {} of {} failed, next at {}: {}", notification.getId(),
          notification.getType(), attempts, properties.maxAttempts(), retryAt, message);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String describe(RuntimeException error) {
    String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }
}
