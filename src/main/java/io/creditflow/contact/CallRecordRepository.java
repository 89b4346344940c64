package io.creditflow.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallRecordRepository extends JpaRepository<CallRecord, String> {

  Optional<CallRecord> findByDecisionId(String decisionId);

  List<CallRecord> findByLoanNumberOrderByCalledAtDesc(String loanNumber);

  /** The loan's calls and visits after {@code from}, oldest first (the call caps). */
  List<CallRecord> findByLoanNumberAndCalledAtGreaterThanOrderByCalledAtAsc(String loanNumber, Instant from);
}
