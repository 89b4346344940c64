package io.creditflow.cob;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Steps of runs. */
public interface CobStepRepository extends JpaRepository<CobStep, String> {

  @Query("select s from CobStep s where s.runId = :runId and s.step = :step")
  Optional<CobStep> findByRunIdAndStep(String runId, CobStepName step);

  List<CobStep> findByRunIdOrderByStepOrderAsc(String runId);

  List<CobStep> findByRunIdInOrderByRunIdAscStepOrderAsc(Collection<String> runIds);
}
