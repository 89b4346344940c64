package io.creditflow.contact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactHoldRepository extends JpaRepository<ContactHold, String> {

  boolean existsByLoanNumberAndReleasedAtIsNull(String loanNumber);

  List<ContactHold> findByLoanNumberAndSourceAndReleasedAtIsNull(String loanNumber, String source);

  List<ContactHold> findByLoanNumberOrderByHeldAtDesc(String loanNumber);
}
