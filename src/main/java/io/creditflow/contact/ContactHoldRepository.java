package io.creditflow.contact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactHoldRepository extends JpaRepository<ContactHold, String> {

  @Query("select count(h) > 0 from ContactHold h where h.loanNumber = :loanNumber and h.releasedAt is null")
  boolean existsByLoanNumberAndReleasedAtIsNull(String loanNumber);

  List<ContactHold> findByLoanNumberAndSourceAndReleasedAtIsNull(String loanNumber, String source);

  List<ContactHold> findByLoanNumberOrderByHeldAtDesc(String loanNumber);
}
