package io.creditflow.servicing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Loans, keyed by loan number. */
public interface LoanRepository extends JpaRepository<Loan, String> {

  @Query("select l from Loan l where l.applicationId = :applicationId")
  Optional<Loan> findByApplicationId(String applicationId);

  List<Loan> findByCustomerIdOrderByCreatedAtAsc(String customerId);

  @Query("select l from Loan l where l.creditLineId = :creditLineId order by l.createdAt asc")
  List<Loan> findByCreditLineIdOrderByCreatedAtAsc(String creditLineId);

  /** Keyset page of loan numbers not in {@code finished}, after {@code after} ("" for the first page): primary key. */
  @Query("select l.loanNumber from Loan l where l.status not in :finished and l.loanNumber > :after"
      + " order by l.loanNumber")
  List<String> findLoanNumbersAfter(Collection<LoanStatus> finished, String after, Limit limit);
}
