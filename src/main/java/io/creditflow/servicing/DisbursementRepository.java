package io.creditflow.servicing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Disbursements, found by the caller's idempotency key. */
public interface DisbursementRepository extends JpaRepository<Disbursement, String> {

  Optional<Disbursement> findByIdempotencyKey(String idempotencyKey);
}
