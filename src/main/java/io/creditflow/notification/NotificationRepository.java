package io.creditflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox table. The dispatcher's state changes are single-row updates guarded by the version read before, so
 * that of two nodes exactly one wins a row (the loser's update matches no row).
 */
interface NotificationRepository extends JpaRepository<Notification, String> {

  @Query("select n from Notification n where n.idempotencyKey = :idempotencyKey")
  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  List<Notification> findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(String subjectType, String subjectId);

  /** Rows in one of {@code statuses} (PENDING, DEFERRED) whose time has come, oldest due first. */
  @Query("select n from Notification n where n.status in :statuses and n.notBefore <= :now "
      + "order by n.notBefore, n.createdAt, n.id")
  List<Notification> findDue(@Param("statuses") Collection<NotificationStatus> statuses, @Param("now") Instant now,
      Limit limit);

  /** Reserves a due row for one attempt: attempts + 1, notBefore moved to the end of the lease; status unchanged. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Notification n set n.attempts = n.attempts + 1, n.notBefore = :leaseUntil, n.version = n.version + 1 "
      + "where n.id = :id and n.version = :version and n.status in :due and n.notBefore <= :now")
  int claim(@Param("id") String id, @Param("version") long version, @Param("now") Instant now,
      @Param("leaseUntil") Instant leaseUntil, @Param("due") Collection<NotificationStatus> due);

  /**
   * A claimed row a gate refused: DEFERRED until {@code until}, with the gate's reason; the claim's attempt is given
   * back (a deferral is not a failed attempt).
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Notification n set n.status = :deferred, n.notBefore = :until, n.policyReason = :reason, "
      + "n.attempts = n.attempts - 1, n.version = n.version + 1 where n.id = :id and n.version = :version")
  int markDeferred(@Param("id") String id, @Param("version") long version, @Param("until") Instant until,
      @Param("reason") String reason, @Param("deferred") NotificationStatus deferred);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Notification n set n.status = :sent, n.sentAt = :sentAt, n.version = n.version + 1 "
      + "where n.id = :id and n.version = :version")
  int markSent(@Param("id") String id, @Param("version") long version, @Param("sentAt") Instant sentAt,
      @Param("sent") NotificationStatus sent);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Notification n set n.status = :status, n.notBefore = :retryAt, n.lastError = :error, "
      + "n.version = n.version + 1 where n.id = :id and n.version = :version")
  int markFailedAttempt(@Param("id") String id, @Param("version") long version,
      @Param("status") NotificationStatus status, @Param("retryAt") Instant retryAt, @Param("error") String error);
}
