package io.creditflow.cob;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Loans recorded and skipped by a step. */
public interface CobLoanErrorRepository extends JpaRepository<CobLoanError, String> {

  @Query("select count(e) > 0 from CobLoanError e where e.runId = :runId and e.step = :step"
      + " and e.loanNumber = :loanNumber")
  boolean existsByRunIdAndStepAndLoanNumber(String runId, CobStepName step, String loanNumber);

  List<CobLoanError> findByRunIdOrderByStepAscLoanNumberAsc(String runId, Limit limit);
}
