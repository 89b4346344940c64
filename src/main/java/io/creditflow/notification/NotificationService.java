package io.creditflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox. Processes never send messages themselves: they {@link #enqueue} in their own transaction (a Java
 * delegate joins the engine's), so the message exists exactly when the business step committed; the
 * {@link NotificationDispatcher} sends afterwards.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
  private static final int MAX_PARAMETERS = 4000;

  private final NotificationRepository repository;
  private final Clock clock;
  private final ObjectWriter parameterWriter;

  NotificationService(NotificationRepository repository, Clock clock, ObjectMapper objectMapper) {
    this.repository = repository;
    this.clock = clock;
    this.parameterWriter = objectMapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /**
   * Stores the notification as PENDING, or returns the one already stored under the same idempotency key (a retried
   * service task enqueues again and must not send twice). Joins the caller's transaction.
   *
   * <p>Two transactions enqueueing the same new key at the same moment: one commits, the other fails on the unique
   * key and is retried by its job, which then finds the stored notification.
   *
   * @throws IllegalStateException the key is already used for a different message (another type, channel,
   *                               recipient, subject or template): a key collision in the caller
   * @throws IllegalArgumentException the parameters are not serialisable or longer than 4,000 characters as JSON
   */
  @Transactional
  public Notification enqueue(NotificationRequest request) {
    Optional<Notification> existing = repository.findByIdempotencyKey(request.idempotencyKey());
    if (existing.isPresent()) {
      Notification stored = existing.get();
      if (!stored.sameTarget(request)) {
        throw new IllegalStateException("Idempotency key " + request.idempotencyKey() + " already names notification "
            + stored.getId() + " (" + stored.getType() + " about " + stored.getSubjectType() + " "
            + stored.getSubjectId() + "), not this " + request.type() + " about " + request.subjectType() + " "
            + request.subjectId());
      }
      return stored;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    // whole seconds on every database (MySQL runs with sendFractionalSeconds=false)
    Instant notBefore = request.notBefore() == null ? now : request.notBefore().truncatedTo(ChronoUnit.SECONDS);
    Notification notification = repository.save(new Notification(request, json(request), now, notBefore));
    log.info("Notification {} {} via {} queued for {} {}", notification.getId(), notification.getType(),
        notification.getChannel(), notification.getSubjectType(), notification.getSubjectId());
    return notification;
  }

  /** The notifications about one subject (e.g. {@code "application", "APP-123"}), oldest first. */
  @Transactional(readOnly = true)
  public List<Notification> of(String subjectType, String subjectId) {
    return repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(subjectType, subjectId);
  }

  /** One notification by id. */
  @Transactional(readOnly = true)
  public Optional<Notification> find(String notificationId) {
    return repository.findById(notificationId);
  }

  /**
   * Withdraws a notification that has not been sent (PENDING or DEFERRED; e.g. the application was withdrawn).
   * Returns false when it is unknown or no longer waiting. Fails with an optimistic-locking exception when a
   * dispatcher claims it at the same moment; retrying then sees its new state.
   */
  @Transactional
  public boolean cancel(String notificationId) {
    Optional<Notification> notification = repository.findById(notificationId);
    if (notification.isEmpty() || notification.get().getStatus() == NotificationStatus.FAILED
        || !notification.get().cancel(null)) {
      return false;
    }
    repository.flush();
    log.info("Notification {} cancelled", notificationId);
    return true;
  }

  /**
   * Cancels a notification that was not sent (PENDING, DEFERRED or FAILED) with a reason; false when it is unknown,
   * SENT or already CANCELLED.
   */
  @Transactional
  public boolean cancel(String notificationId, String reason) {
    Optional<Notification> notification = repository.findById(notificationId);
    if (notification.isEmpty() || !notification.get().cancel(reason)) {
      return false;
    }
    repository.flush();
    log.info("Notification {} cancelled", notificationId);
    return true;
  }

  /**
   * Puts a FAILED notification back to PENDING, due now, with its attempts reset to 0; false when it is unknown or
   * not FAILED (e.g. already retried).
   */
  @Transactional
  public boolean retry(String notificationId) {
    Optional<Notification> notification = repository.findById(notificationId);
    if (notification.isEmpty() || !notification.get().retry(clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
      return false;
    }
    repository.flush();
    log.info("Notification {} queued again after it failed", notificationId);
    return true;
  }

  private String json(NotificationRequest request) {
    String json;
    try {
      json = parameterWriter.writeValueAsString(request.parameters());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Parameters of notification " + request.idempotencyKey()
          + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    if (json.length() > MAX_PARAMETERS) {
      throw new IllegalArgumentException("Parameters of notification " + request.idempotencyKey() + " are "
          + json.length() + " characters as JSON; at most " + MAX_PARAMETERS + " fit");
    }
    return json;
  }
}
