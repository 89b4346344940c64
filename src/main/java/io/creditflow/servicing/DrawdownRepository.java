package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Drawdowns, by the caller's reference and by line and business date (for the caps). */
public interface DrawdownRepository extends JpaRepository<Drawdown, String> {

  Optional<Drawdown> findByDrawdownReference(String drawdownReference);

  /** Total drawn on a line on business dates {@code from} to {@code to}, both included. */
  @Query("select coalesce(sum(d.amount), 0) from Drawdown d where d.creditLineId = :creditLineId"
      + " and d.drawnOn >= :from and d.drawnOn <= :to")
  BigDecimal totalDrawn(String creditLineId, LocalDate from, LocalDate to);
}
