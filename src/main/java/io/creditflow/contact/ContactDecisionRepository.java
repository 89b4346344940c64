package io.creditflow.contact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactDecisionRepository extends JpaRepository<ContactDecisionEntry, String> {

  List<ContactDecisionEntry> findByLoanNumberOrderByContactAtDescRecordedAtDesc(String loanNumber);

  /**
   * What the outbox released to a customer on a channel from {@code from} on (the daily caps): allowed, capped
   * decisions about a notification.
   */
  @Query("select d from ContactDecisionEntry d where d.customerId = :customerId and d.channel = :channel"
      + " and d.allowed = true and d.capped = true and d.notificationId is not null and d.contactAt >= :from")
  List<ContactDecisionEntry>
      findByCustomerIdAndChannelAndAllowedTrueAndCappedTrueAndNotificationIdIsNotNullAndContactAtGreaterThanEqual(
          String customerId, ContactChannel channel, Instant from);
}
