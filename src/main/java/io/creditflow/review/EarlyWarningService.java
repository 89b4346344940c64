package io.creditflow.review;

import io.creditflow.review.EarlyWarningReview.Signal;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early-warning signals of a loan whose credit line was reviewed (close of business step 6), and the start of
 * {@code earlyWarningReview} (business key = loan number) when there is one, unless one is running for the loan.
 * Signals: {@link Signal#BUREAU_DELINQUENCY_INCREASED} (from the review record) and
 * {@link Signal#REPEATED_LATE_PAYMENTS} (from the ledger). An income drop is not a signal: no data source yet.
 */
@Service
public class EarlyWarningService {

  private final CreditReviewRepository reviews;
  private final BehaviourScoreService behaviour;
  private final LoanQueries loans;
  private final RuntimeService runtime;
  private final ReviewProperties properties;

  EarlyWarningService(CreditReviewRepository reviews, BehaviourScoreService behaviour, LoanQueries loans,
      ProcessEngine engine, ReviewProperties properties) {
    this.reviews = reviews;
    this.behaviour = behaviour;
    this.loans = loans;
    this.runtime = engine.getRuntimeService();
    this.properties = properties;
  }

  /** The loan's signals on {@code businessDate}, in {@link Signal} order. */
  public List<Signal> signals(Loan loan, LocalDate businessDate) {
    List<Signal> signals = new ArrayList<>();
    if (reviews.findById(loan.getCreditLineId()).map(CreditReview::bureauDelinquenciesIncreased).orElse(false)) {
      signals.add(Signal.BUREAU_DELINQUENCY_INCREASED);
    }
    if (behaviour.lateInstalments(loan.getLoanNumber(), businessDate.minusMonths(properties.lateWindowMonths()))
        >= properties.lateInstalmentsWarning()) {
      signals.add(Signal.REPEATED_LATE_PAYMENTS);
    }
    return signals;
  }

  /** Starts the review when the loan has signals and none is running; true when started. */
  @Transactional
  public boolean raiseIfSignalled(String loanNumber, LocalDate businessDate) {
    Loan loan = loans.loan(loanNumber).orElseThrow(() -> new IllegalStateException("no loan " + loanNumber)).loan();
    List<Signal> signals = signals(loan, businessDate);
    if (signals.isEmpty() || runtime.createProcessInstanceQuery().processDefinitionKey(EarlyWarningReview.PROCESS_KEY)
        .processInstanceBusinessKey(loanNumber).count() > 0) {
      return false;
    }
    runtime.startProcessInstanceByKey(EarlyWarningReview.PROCESS_KEY, loanNumber, Map.of(
        EarlyWarningReview.LOAN_NUMBER, loanNumber,
        EarlyWarningReview.CREDIT_LINE_ID, loan.getCreditLineId(),
        EarlyWarningReview.BUSINESS_DATE, businessDate.toString(),
        EarlyWarningReview.SIGNALS, String.join(",", signals.stream().map(Signal::name).toList())));
    return true;
  }
}
