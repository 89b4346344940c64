package io.creditflow.servicing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Disbursements, found by the caller's idempotency key. */
public interface DisbursementRepository extends JpaRepository<Disbursement, String> {

  @Query("select d from Disbursement d where d.idempotencyKey = :idempotencyKey")
  Optional<Disbursement> findByIdempotencyKey(String idempotencyKey);
}
