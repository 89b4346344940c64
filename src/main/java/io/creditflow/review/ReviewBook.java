package io.creditflow.review;

import io.creditflow.servicing.CreditLine;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Read-only queries over the ledger for reviews: credit lines by id (keyset paging) and instalments paid late. Reads
 * the ledger's tables, never writes them.
 */
interface ReviewBook extends Repository<CreditLine, String> {

  /** Credit lines that are not CLOSED, after {@code afterId}, in id order. */
  @Query("select c from CreditLine c where c.id > :after and c.status <> io.creditflow.servicing.CreditLineStatus.CLOSED"
      + " order by c.id")
  List<CreditLine> linesAfter(@Param("after") String afterId, Limit limit);

  /** Instalments of the loan due on or after {@code since} that were paid (in part) after their due date. */
  @Query("select count(distinct a.instalmentId) from PaymentAllocation a, Payment p where a.paymentId = p.id"
      + " and p.loanNumber = :loanNumber and a.dueDate >= :since and p.valueDate > a.dueDate")
  long instalmentsPaidLate(@Param("loanNumber") String loanNumber, @Param("since") LocalDate since);

  /** Loans with a payment valued on {@code date} that paid an instalment due before that date, in loan order. */
  @Query("select distinct p.loanNumber from Payment p, PaymentAllocation a where a.paymentId = p.id"
      + " and p.valueDate = :date and a.dueDate < p.valueDate order by p.loanNumber")
  List<String> loansPaidLateOn(@Param("date") LocalDate date);
}
