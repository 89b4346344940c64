package io.creditflow.origination;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, String> {

  @Query("select d from ApplicationDocument d where d.applicationId = :applicationId order by d.receivedAt asc")
  List<ApplicationDocument> findByApplicationIdOrderByReceivedAtAsc(String applicationId);
}
