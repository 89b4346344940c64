package io.creditflow.monitoring;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Fund-usage reports, by the network's reference. */
public interface FundUsageReportRepository extends JpaRepository<FundUsageReport, String> {

  Optional<FundUsageReport> findByReportReference(String reportReference);

  /** Reports of a loan in one category that occurred after {@code from} and no later than {@code to}. */
  long countByLoanNumberAndMerchantCategoryAndOccurredAtGreaterThanAndOccurredAtLessThanEqual(String loanNumber,
      MerchantCategory merchantCategory, Instant from, Instant to);
}
