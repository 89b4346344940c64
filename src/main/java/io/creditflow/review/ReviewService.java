package io.creditflow.review;

import io.creditflow.bureau.BureauReport;
import io.creditflow.bureau.CreditBureau;
import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.CreditLineStatus;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic review of one credit line (close of business step 5): when the line's review date has come, refresh
 * the bureau report (national id from {@link CustomerService}, never logged or stored), compute the
 * {@link BehaviourScore}, decide with DMN {@code limitReview}, record the result and the next review date, and start
 * {@code creditLimitReview} when the action is not KEEP (unless one is running for the line). Joins the caller's
 * transaction; the schedule row makes a redone chunk harmless (the line is no longer due).
 */
@Service
public class ReviewService {

  /** What one line's review did. */
  public record Outcome(boolean reviewed, LimitAction action, boolean bureauDelinquenciesIncreased,
      List<String> openLoanNumbers) {

    static final Outcome NOT_DUE = new Outcome(false, null, false, List.of());
  }

  private final CreditReviewRepository reviews;
  private final CustomerService customers;
  private final CreditBureau bureau;
  private final BehaviourScoreService behaviour;
  private final LimitReviewDecision decision;
  private final LoanRepository loans;
  private final ReviewBook book;
  private final RuntimeService runtime;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewService(CreditReviewRepository reviews, CustomerService customers, CreditBureau bureau,
      BehaviourScoreService behaviour, LimitReviewDecision decision, LoanRepository loans, ReviewBook book, ProcessEngine engine,
      ReviewProperties properties, Clock clock) {
    this.reviews = reviews;
    this.customers = customers;
    this.bureau = bureau;
    this.behaviour = behaviour;
    this.decision = decision;
    this.loans = loans;
    this.book = book;
    this.runtime = engine.getRuntimeService();
    this.properties = properties;
    this.clock = clock;
  }

  /** Credit lines not CLOSED after {@code afterId} (null for the first page), in id order: keyset paging. */
  @Transactional(readOnly = true)
  public List<CreditLine> linesAfter(String afterId, int limit) {
    return book.linesAfter(afterId == null ? "" : afterId, Limit.of(limit));
  }

  @Transactional
  public Outcome reviewIfDue(CreditLine line, LocalDate businessDate) {
    CreditReview review = schedule(line, businessDate);
    if (review.getNextReviewDate().isAfter(businessDate)) {
      return Outcome.NOT_DUE;
    }
    BureauReport report = bureau.fetch(customers.get(line.getCustomerId()).getNationalId());
    BehaviourScore score = behaviour.score(line, businessDate);
    LimitReviewResult result = decision.evaluate(score.score(), report.bureauScore(), report.delinquencies12m(),
        score.daysPastDue(), score.utilisation());
    review.reviewed(businessDate, result, score.score(), report.bureauScore(), report.delinquencies12m(),
        businessDate.plusMonths(review.watchlisted(businessDate) ? properties.watchlistIntervalMonths()
            : properties.intervalMonths()), clock.instant());
    if (needsProcess(line, result.action())) {
      startLimitReview(line, businessDate, result, score, report);
    }
    List<String> open = loans.findByCreditLineIdOrderByCreatedAtAsc(line.getId()).stream()
        .filter(loan -> !BehaviourScoreService.FINISHED.contains(loan.getStatus())).map(Loan::getLoanNumber).toList();
    return new Outcome(true, result.action(), review.bureauDelinquenciesIncreased(), open);
  }

  /**
   * The review schedule of a line, created as at the first pass when the line has none yet (e.g. an early warning
   * about a line not reviewed so far).
   */
  @Transactional
  public CreditReview schedule(CreditLine line, LocalDate businessDate) {
    return reviews.findById(line.getId()).orElseGet(() -> reviews.save(new CreditReview(line.getId(),
        line.getCustomerId(), firstReviewDate(line, businessDate), clock.instant())));
  }

  /**
   * Opened + interval; when that date has already passed on the first pass (a line the close of business has not seen
   * before, e.g. after a migration), spread over {@code first-review-spread-days} by line id so that such a book is
   * not reviewed (and its bureau called) in one night.
   */
  LocalDate firstReviewDate(CreditLine line, LocalDate businessDate) {
    LocalDate planned = line.getOpenedAt().atZone(clock.getZone()).toLocalDate().plusMonths(properties.intervalMonths());
    if (!planned.isBefore(businessDate) || properties.firstReviewSpreadDays() == 0) {
      return planned;
    }
    return businessDate.plusDays(Math.floorMod(line.getId().hashCode(), properties.firstReviewSpreadDays()));
  }

  /** The limit the action proposes: limit × factor, to whole currency units (down); a freeze keeps the limit. */
  static BigDecimal proposedLimit(BigDecimal current, LimitReviewResult result) {
    if (result.action() == LimitAction.FREEZE || result.action() == LimitAction.KEEP) {
      return current;
    }
    return current.multiply(result.limitFactor()).setScale(0, RoundingMode.DOWN).setScale(2);
  }

  private boolean needsProcess(CreditLine line, LimitAction action) {
    if (action == LimitAction.KEEP || action == LimitAction.FREEZE && line.getStatus() == CreditLineStatus.FROZEN) {
      return false;
    }
    return runtime.createProcessInstanceQuery().processDefinitionKey(CreditLimitReview.PROCESS_KEY)
        .processInstanceBusinessKey(line.getId()).count() == 0;
  }

  private void startLimitReview(CreditLine line, LocalDate businessDate, LimitReviewResult result,
      BehaviourScore score, BureauReport report) {
    BigDecimal proposed = proposedLimit(line.getCreditLimit(), result);
    boolean approval = result.action() == LimitAction.INCREASE
        && proposed.subtract(line.getCreditLimit()).compareTo(properties.approvalThreshold()) > 0;
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CreditLimitReview.CREDIT_LINE_ID, line.getId());
    variables.put(CreditLimitReview.REVIEW_DATE, businessDate.toString());
    variables.put(CreditLimitReview.ACTION, result.action().name());
    variables.put(CreditLimitReview.CURRENT_LIMIT, line.getCreditLimit().toPlainString());
    variables.put(CreditLimitReview.PROPOSED_LIMIT, proposed.toPlainString());
    variables.put(CreditLimitReview.CURRENCY, line.getCurrency());
    variables.put(CreditLimitReview.REASON_CODE, result.reasonCode());
    variables.put(CreditLimitReview.REASON_TEXT, result.reasonText());
    variables.put(CreditLimitReview.BEHAVIOUR_SCORE, score.score());
    variables.put(CreditLimitReview.BUREAU_SCORE, report.bureauScore());
    variables.put(CreditLimitReview.APPROVAL_REQUIRED, approval);
    runtime.startProcessInstanceByKey(CreditLimitReview.PROCESS_KEY, line.getId(), variables);
  }
}
