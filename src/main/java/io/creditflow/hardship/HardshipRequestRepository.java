package io.creditflow.hardship;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HardshipRequestRepository extends JpaRepository<HardshipRequest, String> {

  /** The open (REQUESTED) request of a loan, if any. */
  Optional<HardshipRequest> findByOpenLoanNumber(String loanNumber);
}
