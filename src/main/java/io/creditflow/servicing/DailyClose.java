package io.creditflow.servicing;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger's side of the daily close of business, per loan and business date. The {@code closeOfBusiness} process
 * pages through the book with {@link #openLoans} and calls {@link #closeDay} for each loan, in chunks.
 */
public interface DailyClose {

  /**
   * Loan numbers of the loans that need a daily close (not SETTLED or WRITTEN_OFF), in ascending loan-number order,
   * after {@code afterLoanNumber} (null for the first page): keyset paging, stable while other loans change.
   */
  List<String> openLoans(String afterLoanNumber, int limit);

  /**
   * Closes one loan's day: instalments that fell due on or before {@code businessDate} and are unpaid become OVERDUE,
   * penalties accrue for the days since the last close (configurable rate, capped), days past due and status
   * (ACTIVE / DELINQUENT) follow from the oldest unpaid instalment, and a loan with nothing outstanding is SETTLED
   * (its credit line's available amount restored). Idempotent: a second call for the same or an earlier date changes
   * nothing and answers {@code alreadyClosed = true}. Business dates must be closed in order.
   */
  DayEnd closeDay(String loanNumber, LocalDate businessDate);

  /**
   * {@link #closeDay} for each of {@code loanNumbers}, answered in the same order. The ledger closes them all in one
   * transaction of their own, one commit for the lot, and keeps none if one fails (the exception is thrown; the caller
   * then closes them one by one). The default closes each in turn with {@link #closeDay}, so closes before a failure
   * are kept: {@link #closeDay} being idempotent, closing them again answers {@code alreadyClosed}.
   */
  default List<DayEnd> closeDays(List<String> loanNumbers, LocalDate businessDate) {
    return loanNumbers.stream().map(loanNumber -> closeDay(loanNumber, businessDate)).toList();
  }

  /**
   * Closes {@code businessDate}, in one statement, for the loans of {@code page} (a page of {@link #openLoans}, in
   * loan-number order) whose close changes nothing but the date: ACTIVE, nothing past due, no billed interest or
   * penalty, principal left, and no unpaid line of the current schedule due on or before the date. For them
   * {@link #closeDay} would only record the date; the other loans of the page are returned for {@link #closeDay}.
   * A loan in good standing thus costs a share of one statement, not a transaction of its own. The default closes
   * none in bulk.
   */
  default QuietClose closeQuietLoans(List<String> page, LocalDate businessDate) {
    return new QuietClose(0, page);
  }

  /**
   * What {@link #closeQuietLoans} did: {@code closed} loans closed in bulk, and the loans of the page left for
   * {@link #closeDay}, in loan-number order.
   */
  record QuietClose(int closed, List<String> remaining) {}

  /** Instalments falling due on {@code dueDate} that are not paid, for pre-due reminders (keyset paging). */
  List<DueInstalment> unpaidInstalmentsDueOn(LocalDate dueDate, String afterLoanNumber, int limit);

  /**
   * The outcome of one loan's day.
   *
   * @param newlyPastDue true when the loan went from no days past due to some on this business date
   * @param settled      true when the loan was settled on this business date
   */
  record DayEnd(String loanNumber, LocalDate businessDate, int daysPastDue, LoanStatus status, boolean newlyPastDue,
      boolean settled, boolean alreadyClosed) {}

  /** An instalment due soon, for a reminder. */
  record DueInstalment(String loanNumber, String customerId, int sequenceNumber, LocalDate dueDate,
      java.math.BigDecimal amountDue, String currency) {}
}
