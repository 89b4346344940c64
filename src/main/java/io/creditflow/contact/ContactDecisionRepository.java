package io.creditflow.contact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactDecisionRepository extends JpaRepository<ContactDecisionEntry, String> {

  List<ContactDecisionEntry> findByLoanNumberOrderByContactAtDescRecordedAtDesc(String loanNumber);

  /** Allowed, capped decisions of a customer on a channel from {@code from} on (the daily caps). */
  List<ContactDecisionEntry> findByCustomerIdAndChannelAndAllowedTrueAndCappedTrueAndContactAtGreaterThanEqual(
      String customerId, ContactChannel channel, Instant from);
}
