package io.creditflow.common.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, String> {

  List<AuditEvent> findBySubjectTypeAndSubjectIdOrderByOccurredAtAsc(String subjectType, String subjectId);
}
