package io.creditflow.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CeaseContactRequestRepository extends JpaRepository<CeaseContactRequest, String> {

  Optional<CeaseContactRequest> findByRequestReference(String requestReference);

  @Query("select count(r) > 0 from CeaseContactRequest r where r.loanNumber = :loanNumber and r.withdrawnAt is null")
  boolean existsByLoanNumberAndWithdrawnAtIsNull(String loanNumber);

  List<CeaseContactRequest> findByLoanNumberOrderByRequestedAtDesc(String loanNumber);
}
