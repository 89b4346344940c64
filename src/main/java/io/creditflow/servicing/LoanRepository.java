package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Loans, keyed by loan number. */
public interface LoanRepository extends JpaRepository<Loan, String> {

  Optional<Loan> findByApplicationId(String applicationId);

  List<Loan> findByCustomerIdOrderByCreatedAtAsc(String customerId);

  List<Loan> findByCreditLineIdOrderByCreatedAtAsc(String creditLineId);
}
