package io.creditflow.cob;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Loans recorded and skipped by a step. */
public interface CobLoanErrorRepository extends JpaRepository<CobLoanError, String> {

  boolean existsByRunIdAndStepAndLoanNumber(String runId, CobStepName step, String loanNumber);

  List<CobLoanError> findByRunIdOrderByStepAscLoanNumberAsc(String runId, Limit limit);
}
