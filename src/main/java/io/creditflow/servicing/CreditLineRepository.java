package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Credit lines, by application (one line per approved application) and by customer. */
public interface CreditLineRepository extends JpaRepository<CreditLine, String> {

  Optional<CreditLine> findByApplicationId(String applicationId);

  List<CreditLine> findByCustomerIdOrderByOpenedAtAsc(String customerId);
}
