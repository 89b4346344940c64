package io.creditflow.origination;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LoanApplicationRepository extends JpaRepository<LoanApplication, String> {

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
