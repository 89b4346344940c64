package io.creditflow.cob;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Runs, one per business date. */
public interface CobRunRepository extends JpaRepository<CobRun, String> {

  Optional<CobRun> findByBusinessDate(LocalDate businessDate);

  /** The latest completed run. */
  Optional<CobRun> findFirstByStatusOrderByBusinessDateDesc(CobRunStatus status);

  /** The earliest run not in this status (e.g. not COMPLETED) before a date. */
  Optional<CobRun> findFirstByStatusNotAndBusinessDateBeforeOrderByBusinessDateAsc(CobRunStatus status,
      LocalDate before);

  /** Runs taken up by any of these process instances. */
  List<CobRun> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  List<CobRun> findAllByOrderByBusinessDateDesc(Limit limit);
}
