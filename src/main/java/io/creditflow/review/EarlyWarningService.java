package io.creditflow.review;

import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.review.EarlyWarningReview.Outcome;
import io.creditflow.review.EarlyWarningReview.Signal;
import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early-warning signals of a loan and what follows from them.
 *
 * <p>Signals ({@link Signal}): {@code BUREAU_DELINQUENCY_INCREASED} (from the line's last review),
 * {@code REPEATED_LATE_PAYMENTS} (from the ledger), {@code INCOME_DROP} (an income report within the late-payment
 * window at least {@code income-drop-warning} below the previous figure). A loan with signals gets an
 * {@code earlyWarningReview} (business key = loan number) unless one is running, or the same signals were raised
 * within the cool-down ({@link EarlyWarning}). Raised by close of business step 6 (lines reviewed that night, loans
 * with a late payment valued that day) and at once when an income drop is reported.
 *
 * <p>{@link #apply}: what the risk manager decided. WATCHLIST puts the line on the watchlist (reviewed monthly);
 * REVIEW_LIMIT brings the line's periodic review forward to the next close of business; CONTACT_CUSTOMER sends the
 * customer a message inviting them to get in touch (support and hardship options); NO_ACTION does nothing.
 */
@Service
public class EarlyWarningService {

  /** Notification type and template of the CONTACT_CUSTOMER message. */
  public static final String CONTACT_NOTICE = "EARLY_WARNING_CONTACT";
  public static final String CONTACT_TEMPLATE = "review.early-warning-contact";

  private final CreditReviewRepository reviews;
  private final EarlyWarningRepository warnings;
  private final IncomeReportRepository incomes;
  private final BehaviourScoreService behaviour;
  private final ReviewService reviewService;
  private final LoanQueries loans;
  private final CustomerRepository customers;
  private final NotificationService notifications;
  private final RuntimeService runtime;
  private final ReviewBook book;
  private final ReviewProperties properties;
  private final Clock clock;

  EarlyWarningService(CreditReviewRepository reviews, EarlyWarningRepository warnings, IncomeReportRepository incomes,
      BehaviourScoreService behaviour, ReviewService reviewService, LoanQueries loans, CustomerRepository customers,
      NotificationService notifications, ProcessEngine engine, ReviewBook book, ReviewProperties properties,
      Clock clock) {
    this.book = book;
    this.reviews = reviews;
    this.warnings = warnings;
    this.incomes = incomes;
    this.behaviour = behaviour;
    this.reviewService = reviewService;
    this.loans = loans;
    this.customers = customers;
    this.notifications = notifications;
    this.runtime = engine.getRuntimeService();
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Loans with a payment valued on {@code date} that paid an instalment late: close of business step 6 checks them
   * for {@code REPEATED_LATE_PAYMENTS} the same night instead of waiting for the line's next review.
   */
  @Transactional(readOnly = true)
  public List<String> loansPaidLateOn(LocalDate date) {
    return book.loansPaidLateOn(date);
  }

  /** The loan's signals on {@code businessDate}, in {@link Signal} order. */
  public List<Signal> signals(Loan loan, LocalDate businessDate) {
    List<Signal> signals = new ArrayList<>();
    if (reviews.findById(loan.getCreditLineId()).map(CreditReview::bureauDelinquenciesIncreased).orElse(false)) {
      signals.add(Signal.BUREAU_DELINQUENCY_INCREASED);
    }
    LocalDate windowStart = businessDate.minusMonths(properties.lateWindowMonths());
    if (behaviour.lateInstalments(loan.getLoanNumber(), windowStart) >= properties.lateInstalmentsWarning()) {
      signals.add(Signal.REPEATED_LATE_PAYMENTS);
    }
    if (incomes.existsByCustomerIdAndIncomeDropTrueAndEffectiveDateGreaterThanEqual(loan.getCustomerId(),
        windowStart)) {
      signals.add(Signal.INCOME_DROP);
    }
    return signals;
  }

  /**
   * Starts the review when the loan has signals, none is running and the signals are news (not all raised within the
   * cool-down); true when started.
   */
  @Transactional
  public boolean raiseIfSignalled(String loanNumber, LocalDate businessDate) {
    Loan loan = loans.loan(loanNumber).orElseThrow(() -> new IllegalStateException("no loan " + loanNumber)).loan();
    if (BehaviourScoreService.FINISHED.contains(loan.getStatus())) {
      return false;
    }
    List<Signal> signals = signals(loan, businessDate);
    if (signals.isEmpty() || runtime.createProcessInstanceQuery().processDefinitionKey(EarlyWarningReview.PROCESS_KEY)
        .processInstanceBusinessKey(loanNumber).count() > 0) {
      return false;
    }
    EarlyWarning warning = warnings.findById(loanNumber).orElseGet(() -> new EarlyWarning(loanNumber));
    if (!warning.isNews(signals, businessDate, properties.earlyWarningCoolDownDays())) {
      return false;
    }
    warning.raised(signals, businessDate, clock.instant());
    warnings.save(warning);
    runtime.startProcessInstanceByKey(EarlyWarningReview.PROCESS_KEY, loanNumber, Map.of(
        EarlyWarningReview.LOAN_NUMBER, loanNumber,
        EarlyWarningReview.CREDIT_LINE_ID, loan.getCreditLineId(),
        EarlyWarningReview.BUSINESS_DATE, businessDate.toString(),
        EarlyWarningReview.SIGNALS, String.join(",", signals.stream().map(Signal::name).toList())));
    return true;
  }

  /**
   * Carries out the risk manager's outcome for the loan (see the class comment). Repeating it changes nothing more:
   * the watchlist and review date only move earlier, the message has an idempotency key per loan and date.
   */
  @Transactional
  public void apply(String loanNumber, Outcome outcome, LocalDate businessDate, String reviewedBy) {
    warnings.findById(loanNumber).ifPresent(warning -> warning.decided(outcome, businessDate, reviewedBy,
        clock.instant()));
    if (outcome == Outcome.NO_ACTION) {
      return;
    }
    Loan loan = loans.loan(loanNumber).orElseThrow(() -> new IllegalStateException("no loan " + loanNumber)).loan();
    switch (outcome) {
      case NO_ACTION -> { }
      case WATCHLIST -> schedule(loan, businessDate).watchlist(businessDate,
          businessDate.plusMonths(properties.watchlistMonths()), properties.watchlistIntervalMonths(), clock.instant());
      case REVIEW_LIMIT -> schedule(loan, businessDate).reviewBy(businessDate, clock.instant());
      case CONTACT_CUSTOMER -> contact(loan, businessDate);
    }
  }

  private CreditReview schedule(Loan loan, LocalDate businessDate) {
    CreditLine line = loans.creditLineOnly(loan.getCreditLineId())
        .orElseThrow(() -> new IllegalStateException("no credit line " + loan.getCreditLineId()));
    return reviewService.schedule(line, businessDate);
  }

  private void contact(Loan loan, LocalDate businessDate) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("loanNumber", loan.getLoanNumber());
    String language = customers.findById(loan.getCustomerId()).map(Customer::getPreferredLanguage)
        .orElse(properties.noticeLanguage());
    notifications.enqueue(NotificationRequest.of(CONTACT_NOTICE + ":" + loan.getLoanNumber() + ":" + businessDate,
        CONTACT_NOTICE, NotificationChannel.SMS, loan.getCustomerId(), "loan", loan.getLoanNumber(),
        CONTACT_TEMPLATE, parameters, language));
  }
}
