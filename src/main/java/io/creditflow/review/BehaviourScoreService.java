package io.creditflow.review;

import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import io.creditflow.servicing.LoanStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The {@link BehaviourScore} of a credit line and the late-payment count of a loan, read from the ledger. */
@Service
public class BehaviourScoreService {

  static final Set<LoanStatus> FINISHED = Set.of(LoanStatus.SETTLED, LoanStatus.WRITTEN_OFF);

  private final LoanRepository loans;
  private final ReviewBook book;

  BehaviourScoreService(LoanRepository loans, ReviewBook book) {
    this.loans = loans;
    this.book = book;
  }

  /** The line's score on {@code asOf}. */
  public BehaviourScore score(CreditLine line, LocalDate asOf) {
    List<Loan> lineLoans = loans.findByCreditLineIdOrderByCreatedAtAsc(line.getId());
    int daysPastDue = lineLoans.stream().filter(loan -> !FINISHED.contains(loan.getStatus()))
        .mapToInt(Loan::getDaysPastDue).max().orElse(0);
    int late = lineLoans.stream().mapToInt(loan -> lateInstalments(loan.getLoanNumber(), asOf.minusMonths(12))).sum();
    BigDecimal utilisation = line.getCreditLimit().signum() == 0 ? BigDecimal.ZERO
        : line.getDrawnAmount().divide(line.getCreditLimit(), 4, RoundingMode.HALF_UP);
    return new BehaviourScore(BehaviourScore.score(daysPastDue, late, utilisation), daysPastDue, late, utilisation);
  }

  /** Instalments of the loan due on or after {@code since} that were paid late. */
  public int lateInstalments(String loanNumber, LocalDate since) {
    return (int) book.instalmentsPaidLate(loanNumber, since);
  }
}
