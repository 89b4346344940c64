package io.creditflow.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncomeReportRepository extends JpaRepository<IncomeReport, String> {

  Optional<IncomeReport> findByReportReference(String reportReference);

  /** The customer's reports, newest effective date first. */
  List<IncomeReport> findByCustomerIdOrderByEffectiveDateDescReceivedAtDesc(String customerId, Limit limit);

  /** The customer's latest report effective on or before {@code date}. */
  Optional<IncomeReport> findFirstByCustomerIdAndEffectiveDateLessThanEqualOrderByEffectiveDateDescReceivedAtDesc(
      String customerId, LocalDate date);

  /** Whether the customer reported an income drop effective on or after {@code since}. */
  boolean existsByCustomerIdAndIncomeDropTrueAndEffectiveDateGreaterThanEqual(String customerId, LocalDate since);

  /** Monthly income and currency declared on the customer's disbursed applications, latest first. */
  @Query("select a.monthlyIncome, a.currency from LoanApplication a where a.customerId = :customerId"
      + " and a.status = io.creditflow.origination.ApplicationStatus.DISBURSED order by a.disbursedAt desc")
  List<Object[]> declaredIncome(@Param("customerId") String customerId, Limit limit);

  /** A customer's income figure for comparisons. */
  record Figure(BigDecimal monthlyIncome, String currency) {}
}
