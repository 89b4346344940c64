package io.creditflow.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CeaseContactRequestRepository extends JpaRepository<CeaseContactRequest, String> {

  Optional<CeaseContactRequest> findByRequestReference(String requestReference);

  boolean existsByLoanNumberAndWithdrawnAtIsNull(String loanNumber);

  List<CeaseContactRequest> findByLoanNumberOrderByRequestedAtDesc(String loanNumber);
}
