package io.creditflow.hardship;

import io.creditflow.servicing.LedgerActions;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * LedgerActions for hardship tests: quotes an annuity of the loan's outstanding principal at its annual rate over the
 * given months, and records restructurings instead of booking them.
 */
class FakeLedgerActions implements LedgerActions {

  record Restructuring(String loanNumber, int newRemainingMonths, String reason, String actor) {}

  final List<Restructuring> restructurings = new CopyOnWriteArrayList<>();
  final List<Integer> quotedMonths = new CopyOnWriteArrayList<>();
  private final LoanQueries loans;

  FakeLedgerActions(LoanQueries loans) {
    this.loans = loans;
  }

  @Override public void freezeLine(String creditLineId, String reason, String actor) {}
  @Override public void unfreezeLine(String creditLineId, String reason, String actor) {}
  @Override public void changeLimit(String creditLineId, BigDecimal newLimit, String reason, String actor) {}
  @Override public void recallLoan(String loanNumber, String reason, String actor) {}

  @Override
  public BigDecimal restructure(String loanNumber, int newRemainingMonths, String reason, String actor) {
    restructurings.add(new Restructuring(loanNumber, newRemainingMonths, reason, actor));
    return quoteRestructure(loanNumber, newRemainingMonths);
  }

  @Override
  public BigDecimal quoteRestructure(String loanNumber, int newRemainingMonths) {
    quotedMonths.add(newRemainingMonths);
    Loan loan = loans.loan(loanNumber).orElseThrow().loan();
    return annuity(loan.getOutstandingPrincipal(), loan.getAnnualRate(), newRemainingMonths);
  }

  static BigDecimal annuity(BigDecimal principal, BigDecimal annualRate, int months) {
    if (annualRate.signum() == 0) {
      return principal.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), mc);
    BigDecimal growth = BigDecimal.ONE.add(r).pow(months, mc);
    return principal.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), mc)
        .setScale(2, RoundingMode.HALF_UP);
  }
}
