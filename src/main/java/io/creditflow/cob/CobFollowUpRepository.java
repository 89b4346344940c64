package io.creditflow.cob;

import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Follow-ups of step 1 for later steps, paged by loan number. */
public interface CobFollowUpRepository extends JpaRepository<CobFollowUp, String> {

  @Query("select count(f) > 0 from CobFollowUp f where f.runId = :runId and f.kind = :kind"
      + " and f.loanNumber = :loanNumber")
  boolean existsByRunIdAndKindAndLoanNumber(String runId, CobFollowUp.Kind kind, String loanNumber);

  List<CobFollowUp> findByRunIdAndKindAndLoanNumberGreaterThanOrderByLoanNumberAsc(String runId,
      CobFollowUp.Kind kind, String afterLoanNumber, Limit limit);

  List<CobFollowUp> findByRunIdOrderByKindAscLoanNumberAsc(String runId);

  /** The loan numbers that already have a follow-up of this kind in the run. */
  @Query("select f.loanNumber from CobFollowUp f where f.runId = :runId and f.kind = :kind")
  Set<String> loanNumbers(@Param("runId") String runId, @Param("kind") CobFollowUp.Kind kind);
}
