package io.creditflow.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintRepository extends JpaRepository<Complaint, String> {

  Optional<Complaint> findByExternalReference(String externalReference);

  List<Complaint> findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(Instant from, Instant to);
}
