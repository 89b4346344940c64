package io.creditflow.legal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LegalCaseRepository extends JpaRepository<LegalCase, String> {

  Optional<LegalCase> findByProcessInstanceId(String processInstanceId);

  List<LegalCase> findByLoanNumberOrderByOpenedAtDesc(String loanNumber);
}
