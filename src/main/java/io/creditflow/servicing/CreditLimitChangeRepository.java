package io.creditflow.servicing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The limit history of credit lines. */
public interface CreditLimitChangeRepository extends JpaRepository<CreditLimitChange, String> {

  /** Oldest first. Changes stamped with the same second are ordered by id, so the order is at least stable. */
  @Query("select c from CreditLimitChange c where c.creditLineId = :creditLineId order by c.changedAt asc, c.id asc")
  List<CreditLimitChange> findByCreditLineIdOrderByChangedAtAscIdAsc(String creditLineId);
}
