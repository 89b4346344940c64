package io.creditflow.servicing;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The per-line allocations of payments. */
public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, String> {

  List<PaymentAllocation> findByPaymentIdOrderBySequenceNumberAsc(String paymentId);

  List<PaymentAllocation> findByPaymentIdInOrderBySequenceNumberAsc(Collection<String> paymentIds);
}
