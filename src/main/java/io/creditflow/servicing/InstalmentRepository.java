package io.creditflow.servicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Schedule lines. A loan's current schedule is the lines of its current schedule version. */
public interface InstalmentRepository extends JpaRepository<Instalment, String> {

  // JPQL instead of a derived query, here and on the other hot look-ups: Hibernate 6.6 caches the plan of a JPQL
  // string, while Spring Data builds a new criteria query per call of a derived method and Hibernate interprets it
  // anew each time (a tenth of a collection start's CPU in the JFR profile of the due-date wave).
  @Query("select i from Instalment i where i.loanNumber = :loanNumber and i.scheduleVersion = :scheduleVersion"
      + " order by i.sequenceNumber asc")
  List<Instalment> findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(String loanNumber, int scheduleVersion);

  Optional<Instalment> findByLoanNumberAndScheduleVersionAndSequenceNumber(
      String loanNumber, int scheduleVersion, int sequenceNumber);
}
