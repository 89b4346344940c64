package io.creditflow.servicing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Payments, by their unique reference, by loan, and by the state of their message delivery. */
public interface PaymentRepository extends JpaRepository<Payment, String> {

  @Query("select p from Payment p where p.paymentReference = :paymentReference")
  Optional<Payment> findByPaymentReference(String paymentReference);

  @Query("select p from Payment p where p.loanNumber = :loanNumber order by p.receivedAt asc, p.id asc")
  List<Payment> findByLoanNumberOrderByReceivedAtAscIdAsc(String loanNumber);

  /** Ids of payments whose delivery is in one of {@code statuses} and that were received before {@code before}. */
  @Query("select p.id from Payment p where p.correlationStatus in :statuses and p.receivedAt < :before"
      + " order by p.receivedAt, p.id")
  List<String> findIdsToRedeliver(Collection<CorrelationStatus> statuses, Instant before, Limit limit);
}
