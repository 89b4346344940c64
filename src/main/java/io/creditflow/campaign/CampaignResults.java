package io.creditflow.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A campaign's results: applications (submitted with its code during its dates, or offered its benefit by segment),
 * approvals (offers that carried its benefit), loans disbursed with it and their principal, the benefit cost booked,
 * and the campaign loans past due so far with their outstanding principal.
 */
public record CampaignResults(long applications, long approvals, long disbursedLoans, BigDecimal disbursedAmount,
    BigDecimal benefitCost, long delinquentLoans, BigDecimal delinquentPrincipal) {

  /** Delinquent campaign loans / disbursed campaign loans, 4 decimals (0 with no loans). */
  public BigDecimal delinquencyRate() {
    return disbursedLoans == 0 ? BigDecimal.ZERO.setScale(4)
        : BigDecimal.valueOf(delinquentLoans).divide(BigDecimal.valueOf(disbursedLoans), 4, RoundingMode.HALF_UP);
  }
}
