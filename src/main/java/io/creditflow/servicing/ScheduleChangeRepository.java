package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Schedule versions written by ledger actions. */
public interface ScheduleChangeRepository extends JpaRepository<ScheduleChange, String> {

  @Query("select c from ScheduleChange c where c.loanNumber = :loanNumber and c.scheduleVersion = :scheduleVersion")
  Optional<ScheduleChange> findByLoanNumberAndScheduleVersion(String loanNumber, int scheduleVersion);

  List<ScheduleChange> findByLoanNumberOrderByScheduleVersionAsc(String loanNumber);
}
