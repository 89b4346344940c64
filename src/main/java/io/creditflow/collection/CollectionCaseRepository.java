package io.creditflow.collection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Collection cases, for the process and for reports (e.g. cases started or ended in a period). */
public interface CollectionCaseRepository extends JpaRepository<CollectionCase, String> {

  @Query("select c from CollectionCase c where c.processInstanceId = :processInstanceId")
  Optional<CollectionCase> findByProcessInstanceId(String processInstanceId);

  /** The open case of a loan, if any (at most one). */
  @Query("select c from CollectionCase c where c.openLoanNumber = :loanNumber")
  Optional<CollectionCase> findByOpenLoanNumber(String loanNumber);

  /** The loan's cases, latest first. */
  List<CollectionCase> findByLoanNumberOrderByStartedAtDescIdDesc(String loanNumber);

  @Query("select count(c) from CollectionCase c where c.loanNumber = :loanNumber and c.outcome = :outcome")
  long countByLoanNumberAndOutcome(String loanNumber, CollectionOutcome outcome);

  /** Cases started in [from, to), oldest first. */
  List<CollectionCase> findByStartedAtGreaterThanEqualAndStartedAtLessThanOrderByStartedAtAscIdAsc(Instant from,
      Instant to);

  /** Cases ended in [from, to), oldest first. */
  List<CollectionCase> findByEndedAtGreaterThanEqualAndEndedAtLessThanOrderByEndedAtAscIdAsc(Instant from,
      Instant to);
}
