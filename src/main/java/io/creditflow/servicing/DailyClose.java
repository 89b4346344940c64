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
