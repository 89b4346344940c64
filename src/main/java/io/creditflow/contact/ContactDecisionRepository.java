package io.creditflow.contact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactDecisionRepository extends JpaRepository<ContactDecisionEntry, String> {

  List<ContactDecisionEntry> findByLoanNumberOrderByContactAtDescRecordedAtDesc(String loanNumber);

  /**
   * What the outbox released to a customer on a channel from {@code from} on (the daily caps): allowed, capped
   * decisions about a notification.
   */
  List<ContactDecisionEntry>
      findByCustomerIdAndChannelAndAllowedTrueAndCappedTrueAndNotificationIdIsNotNullAndContactAtGreaterThanEqual(
          String customerId, ContactChannel channel, Instant from);
}
