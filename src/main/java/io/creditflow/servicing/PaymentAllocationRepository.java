package io.creditflow.servicing;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The per-line allocations of payments. */
public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, String> {

  @Query("select a from PaymentAllocation a where a.paymentId = :paymentId order by a.sequenceNumber asc")
  List<PaymentAllocation> findByPaymentIdOrderBySequenceNumberAsc(String paymentId);

  List<PaymentAllocation> findByPaymentIdInOrderBySequenceNumberAsc(Collection<String> paymentIds);
}
