package io.creditflow.origination;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LoanApplicationRepository extends JpaRepository<LoanApplication, String> {

  /** An application's id and status, nothing else. */
  interface IdAndStatus {
    String getId();

    ApplicationStatus getStatus();
  }

  /** The status of each of these applications (those that exist), in one query: for reads that wait on a status. */
  @Query("select a.id as id, a.status as status from LoanApplication a where a.id in :ids")
  List<IdAndStatus> findStatuses(@Param("ids") Collection<String> ids);

  @Query("select a from LoanApplication a where a.externalReference = :externalReference")
  Optional<LoanApplication> findByExternalReference(String externalReference);

  @Query("select count(a) > 0 from LoanApplication a where a.customerId = :customerId and a.status = :status")
  boolean existsByCustomerIdAndStatus(String customerId, ApplicationStatus status);

  /** Does the customer have another open application submitted before this one (ties broken by id)? */
  @Query("""
      select count(a) > 0 from LoanApplication a
      where a.customerId = :customerId and a.id <> :id and a.status in :open
        and (a.createdAt < :createdAt or (a.createdAt = :createdAt and a.id < :id))""")
  boolean hasEarlierOpenApplication(@Param("customerId") String customerId, @Param("id") String id,
      @Param("createdAt") Instant createdAt, @Param("open") Collection<ApplicationStatus> open);
}
