package io.creditflow.origination;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, String> {

  List<ApplicationDocument> findByApplicationIdOrderByReceivedAtAsc(String applicationId);
}
