package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Schedule versions written by ledger actions. */
public interface ScheduleChangeRepository extends JpaRepository<ScheduleChange, String> {

  Optional<ScheduleChange> findByLoanNumberAndScheduleVersion(String loanNumber, int scheduleVersion);

  List<ScheduleChange> findByLoanNumberOrderByScheduleVersionAsc(String loanNumber);
}
