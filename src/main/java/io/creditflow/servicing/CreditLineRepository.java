package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Credit lines, by application (one line per approved application) and by customer. */
public interface CreditLineRepository extends JpaRepository<CreditLine, String> {

  @Query("select c from CreditLine c where c.applicationId = :applicationId")
  Optional<CreditLine> findByApplicationId(String applicationId);

  List<CreditLine> findByCustomerIdOrderByOpenedAtAsc(String customerId);
}
