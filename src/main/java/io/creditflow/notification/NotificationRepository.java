package io.creditflow.notification;

import java.time.Instant;
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

  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  List<Notification> findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(String subjectType, String subjectId);

  @Query("select n from Notification n where n.status = :status and n.notBefore <= :now "
      + "order by n.notBefore, n.createdAt, n.id")
  List<Notification> findDue(@Param("status") NotificationStatus status, @Param("now") Instant now, Limit limit);

  /** Reserves a due row for one attempt: attempts + 1, notBefore moved to the end of the lease. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Notification n set n.attempts = n.attempts + 1, n.notBefore = :leaseUntil, n.version = n.version + 1 "
      + "where n.id = :id and n.version = :version and n.status = :pending and n.notBefore <= :now")
  int claim(@Param("id") String id, @Param("version") long version, @Param("now") Instant now,
      @Param("leaseUntil") Instant leaseUntil, @Param("pending") NotificationStatus pending);

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
