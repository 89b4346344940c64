package io.creditflow.cob;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Follow-ups of step 1 for later steps, paged by loan number. */
public interface CobFollowUpRepository extends JpaRepository<CobFollowUp, String> {

  boolean existsByRunIdAndKindAndLoanNumber(String runId, CobFollowUp.Kind kind, String loanNumber);

  List<CobFollowUp> findByRunIdAndKindAndLoanNumberGreaterThanOrderByLoanNumberAsc(String runId,
      CobFollowUp.Kind kind, String afterLoanNumber, Limit limit);

  List<CobFollowUp> findByRunIdOrderByKindAscLoanNumberAsc(String runId);
}
