package io.creditflow.hardship;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HardshipRequestRepository extends JpaRepository<HardshipRequest, String> {

  /** The open (REQUESTED) request of a loan, if any. */
  @Query("select r from HardshipRequest r where r.openLoanNumber = :loanNumber")
  Optional<HardshipRequest> findByOpenLoanNumber(String loanNumber);
}
