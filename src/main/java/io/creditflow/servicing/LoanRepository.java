package io.creditflow.servicing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Loans, keyed by loan number. */
public interface LoanRepository extends JpaRepository<Loan, String> {

  @Query("select l from Loan l where l.applicationId = :applicationId")
  Optional<Loan> findByApplicationId(String applicationId);

  List<Loan> findByCustomerIdOrderByCreatedAtAsc(String customerId);

  @Query("select l from Loan l where l.creditLineId = :creditLineId order by l.createdAt asc")
  List<Loan> findByCreditLineIdOrderByCreatedAtAsc(String creditLineId);

  /** Keyset page of loan numbers not in {@code finished}, after {@code after} ("" for the first page): primary key. */
  @Query("select l.loanNumber from Loan l where l.status not in :finished and l.loanNumber > :after"
      + " order by l.loanNumber")
  List<String> findLoanNumbersAfter(Collection<LoanStatus> finished, String after, Limit limit);

  /**
   * Keyset page of the current-schedule lines due on {@code dueDate} and not paid, of loans not in {@code finished}:
   * loan number, customer id, sequence number, due date, principal + interest unpaid, currency. Served by
   * {@code ix_cf_instalment_due_loan} and the loan's primary key.
   */
  @Query("select l.loanNumber, l.customerId, i.sequenceNumber, i.dueDate,"
      + " i.principalDue - i.principalPaid + i.interestDue - i.interestPaid, l.currency"
      + " from Instalment i join Loan l on l.loanNumber = i.loanNumber and l.scheduleVersion = i.scheduleVersion"
      + " where i.dueDate = :dueDate and i.status <> io.creditflow.servicing.InstalmentStatus.PAID"
      + " and l.status not in :finished and i.loanNumber > :after order by i.loanNumber")
  List<Object[]> findUnpaidDueOn(java.time.LocalDate dueDate, Collection<LoanStatus> finished, String after,
      Limit limit);
}
