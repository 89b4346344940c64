package io.creditflow.cob;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Steps of runs. */
public interface CobStepRepository extends JpaRepository<CobStep, String> {

  Optional<CobStep> findByRunIdAndStep(String runId, CobStepName step);

  List<CobStep> findByRunIdOrderByStepOrderAsc(String runId);

  List<CobStep> findByRunIdInOrderByRunIdAscStepOrderAsc(Collection<String> runIds);
}
