package io.creditflow.servicing;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DailyClose} on the ledger. Each {@link #closeDay} loads one loan and the lines of its current schedule (two
 * queries by key), works in memory ({@link LoanAccount}) and writes in its own transaction ({@code REQUIRES_NEW}), so a
 * chunk of the close of business never holds more than one loan and the caller's (engine's) transaction failing later
 * does not undo a close that a retry would find already done.
 *
 * <p><b>Days between closes.</b> When dates were skipped since the last close (or since the disbursement, before the
 * first close), every day in between is closed in turn, in memory: closing the third day after the last close gives
 * exactly what closing each of the three days would. A date not after the last closed one changes nothing
 * ({@code alreadyClosed}). Rules for penalty, days past due, grace days and status: see {@link LoanAccount}.
 *
 * <p>A payment booked at the same moment makes the loan's optimistic lock refuse one of the two; the close is then
 * retried on the new state (the payment is kept).
 */
@Service
public class LedgerDailyClose implements DailyClose {

  /** Who the ledger records as the author of status changes made by the close of business. */
  public static final String ACTOR = "system:close-of-business";
  static final List<LoanStatus> FINISHED = List.of(LoanStatus.SETTLED, LoanStatus.WRITTEN_OFF);
  static final int MAX_PAGE = 1000;
  private static final int ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(LedgerDailyClose.class);

  /**
   * The loans of a page whose close changes nothing but the date (see {@link DailyClose#closeQuietLoans}): the
   * conditions are those under which {@link LoanAccount} accrues no penalty, finds nothing past due, bills no interest,
   * settles nothing and keeps the status. The version is bumped as Hibernate would, so a payment that read the loan
   * before is refused by its optimistic lock and retried on the new state.
   *
   * <p>The page is named loan by loan ({@code loan_number IN (...)}), not as the range from its first to its last
   * number: on H2 a range made the planner pick the index on (status, days past due), which holds nearly the whole
   * book, so every chunk read every loan in good standing and the close grew with the square of the book (the
   * due-date wave at 50,000 loans cost 1.87x per loan what it cost at 10,000; by primary key, 0.66x, README). Each
   * chunk now reads its own loans only, on H2 and MariaDB alike.
   */
  private static final String QUIET_CLOSE = "UPDATE cf_loan SET last_closed_on = ?, version = version + 1"
      + " WHERE loan_number IN (%s) AND status = 'ACTIVE' AND days_past_due = 0"
      + " AND outstanding_interest = 0 AND outstanding_penalty = 0 AND outstanding_principal > 0"
      + " AND (last_closed_on IS NULL OR last_closed_on < ?)"
      + " AND NOT EXISTS (SELECT 1 FROM cf_instalment i WHERE i.loan_number = cf_loan.loan_number"
      + " AND i.schedule_version = cf_loan.schedule_version AND i.due_date <= ? AND i.status <> 'PAID')";
  /** Loans of the page closed through the date, current and ACTIVE: closing them again would change nothing. */
  private static final String CLOSED_QUIETLY = "SELECT loan_number FROM cf_loan WHERE loan_number IN (%s)"
      + " AND last_closed_on = ? AND status = 'ACTIVE' AND days_past_due = 0";

  /**
   * Current-schedule lines due on a date and not paid, of loans not finished, after a loan number, in loan order: one
   * keyset page of pre-due reminders. The index on (due date, loan number) is named as a hint, because H2's planner,
   * when a book's instalments all fall due on one day of the month (as a lender with a single due day has them),
   * rated the due date as unselective and read every loan with its schedule instead: for a date with nothing due,
   * 650,000 index reads on a 50,000-loan book (EXPLAIN ANALYZE), and 1.8 of the close's 18 seconds (README,
   * "Thirteenth round"). With the hint, 3 reads. {@code USE INDEX (...)} and {@code LIMIT} are the same in H2 and
   * MySQL/MariaDB, where the planner already took this index.
   */
  private static final String UNPAID_DUE_ON = "SELECT l.loan_number, l.customer_id, i.sequence_number, i.due_date,"
      + " i.principal_due - i.principal_paid + i.interest_due - i.interest_paid, l.currency"
      + " FROM cf_instalment i USE INDEX (ix_cf_instalment_due_loan)"
      + " JOIN cf_loan l ON l.loan_number = i.loan_number AND l.schedule_version = i.schedule_version"
      + " WHERE i.due_date = ? AND i.status <> 'PAID' AND l.status NOT IN ("
      + String.join(", ", FINISHED.stream().map(status -> "'" + status.name() + "'").toList()) + ")"
      + " AND i.loan_number > ? ORDER BY i.loan_number LIMIT ?";

  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final AuditTrail auditTrail;
  private final ServicingProperties rules;
  private final TransactionTemplate writing;
  private final TransactionTemplate reading;
  private final JdbcTemplate jdbc;

  public LedgerDailyClose(LoanRepository loans, InstalmentRepository instalments, AuditTrail auditTrail,
      ServicingProperties rules, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.loans = loans;
    this.instalments = instalments;
    this.auditTrail = auditTrail;
    this.rules = rules;
    this.writing = new TransactionTemplate(transactionManager);
    this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setReadOnly(true);
  }

  @Override
  public List<String> openLoans(String afterLoanNumber, int limit) {
    checkLimit(limit);
    return reading.execute(status -> loans.findLoanNumbersAfter(FINISHED,
        afterLoanNumber == null ? "" : afterLoanNumber, Limit.of(limit)));
  }

  @Override
  public DayEnd closeDay(String loanNumber, LocalDate businessDate) {
    if (businessDate == null) {
      throw new IllegalArgumentException("businessDate is required");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return writing.execute(status -> close(loanNumber, businessDate));
      } catch (ConcurrencyFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("Close of loan {} for {} met a concurrent change (attempt {}); retrying", loanNumber, businessDate,
            attempt);
      }
    }
  }

  /**
   * All in one transaction ({@code REQUIRES_NEW}): one commit for the lot. No retry here: a payment booked on one of
   * the loans at the same moment fails the lot, and the caller's one-by-one {@link #closeDay} retries that loan.
   */
  @Override
  public List<DayEnd> closeDays(List<String> loanNumbers, LocalDate businessDate) {
    if (businessDate == null) {
      throw new IllegalArgumentException("businessDate is required");
    }
    return writing.execute(status -> loanNumbers.stream().map(loanNumber -> close(loanNumber, businessDate)).toList());
  }

  @Override
  public QuietClose closeQuietLoans(List<String> page, LocalDate businessDate) {
    if (page.isEmpty()) {
      return new QuietClose(0, page);
    }
    String placeholders = String.join(",", Collections.nCopies(page.size(), "?"));
    List<Object> update = new ArrayList<>(page.size() + 3);
    update.add(businessDate);
    update.addAll(page);
    update.add(businessDate);
    update.add(businessDate);
    List<Object> select = new ArrayList<>(page.size() + 1);
    select.addAll(page);
    select.add(businessDate);
    return writing.execute(status -> {
      int closed = jdbc.update(QUIET_CLOSE.formatted(placeholders), update.toArray());
      if (closed == 0) {
        return new QuietClose(0, page);
      }
      Set<String> done = new HashSet<>(jdbc.queryForList(CLOSED_QUIETLY.formatted(placeholders), String.class,
          select.toArray()));
      return new QuietClose(closed, page.stream().filter(loan -> !done.contains(loan)).toList());
    });
  }

  @Override
  public List<DueInstalment> unpaidInstalmentsDueOn(LocalDate dueDate, String afterLoanNumber, int limit) {
    checkLimit(limit);
    return reading.execute(status -> jdbc.query(UNPAID_DUE_ON, (row, i) -> new DueInstalment(row.getString(1),
        row.getString(2), row.getInt(3), row.getObject(4, LocalDate.class), Money.cents(row.getBigDecimal(5)),
        row.getString(6)), dueDate, afterLoanNumber == null ? "" : afterLoanNumber, limit));
  }

  private DayEnd close(String loanNumber, LocalDate businessDate) {
    Loan loan = loans.findById(loanNumber)
        .orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
    LocalDate last = loan.getLastClosedOn();
    if (last != null && !businessDate.isAfter(last)) {
      return dayEnd(loan, businessDate, false, false, true);
    }
    if (loan.isClosed()) {
      loan.closedThrough(businessDate);
      return dayEnd(loan, businessDate, false, false, false);
    }
    int daysPastDueBefore = loan.getDaysPastDue();
    LoanStatus statusBefore = loan.getStatus();
    LoanAccount account = new LoanAccount(loan, instalments
        .findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber, loan.getScheduleVersion()), rules);
    LocalDate from = (last != null ? last : loan.getDisbursedOn()).plusDays(1);
    for (LocalDate day = from; !day.isAfter(businessDate); day = day.plusDays(1)) {
      account.accruePenalty(day);
    }
    loan.closedThrough(businessDate);
    boolean settled = account.restate(businessDate);
    if (loan.getStatus() != statusBefore) {
      auditTrail.record(ACTOR, "LOAN_" + loan.getStatus(), "loan", loanNumber,
          "close of " + businessDate + ": " + loan.getDaysPastDue() + " days past due");
    }
    return dayEnd(loan, businessDate, daysPastDueBefore == 0 && loan.getDaysPastDue() > 0, settled, false);
  }

  private static DayEnd dayEnd(Loan loan, LocalDate businessDate, boolean newlyPastDue, boolean settled,
      boolean alreadyClosed) {
    return new DayEnd(loan.getLoanNumber(), businessDate, loan.getDaysPastDue(), loan.getStatus(), newlyPastDue,
        settled, alreadyClosed);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
    }
  }
}
