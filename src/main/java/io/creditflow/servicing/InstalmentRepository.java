package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Schedule lines. A loan's current schedule is the lines of its current schedule version. */
public interface InstalmentRepository extends JpaRepository<Instalment, String> {

  List<Instalment> findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(String loanNumber, int scheduleVersion);

  Optional<Instalment> findByLoanNumberAndScheduleVersionAndSequenceNumber(
      String loanNumber, int scheduleVersion, int sequenceNumber);
}
