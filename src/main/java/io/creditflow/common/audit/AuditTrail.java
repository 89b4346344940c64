package io.creditflow.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records actions in {@code cf_audit_event}, stamped with the engine clock. */
@Service
public class AuditTrail {

  private static final int MAX_DETAIL = 1000;

  private final AuditEventRepository repository;
  private final Clock clock;

  public AuditTrail(AuditEventRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public AuditEvent record(String actor, String action, String subjectType, String subjectId, String detail) {
    String trimmed = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    // Whole seconds on every database: on MySQL/MariaDB the driver runs with sendFractionalSeconds=false (required by
    // Camunda), so sub-seconds would be dropped there and kept on H2.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return repository.save(new AuditEvent(now, actor, action, subjectType, subjectId, trimmed));
  }

  @Transactional(readOnly = true)
  public List<AuditEvent> of(String subjectType, String subjectId) {
    return repository.findBySubjectTypeAndSubjectIdOrderByOccurredAtAsc(subjectType, subjectId);
  }
}
