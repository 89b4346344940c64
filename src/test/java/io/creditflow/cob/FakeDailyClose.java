package io.creditflow.cob;

import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.LoanStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * An in-memory ledger for close-of-business tests. Behaves like the contract says: keyset paging in loan-number
 * order, idempotent {@code closeDay} ({@code alreadyClosed} for the same or an earlier date), dates closed in order
 * (an out-of-order close fails), settled loans leave the open book. Like {@code LedgerDailyClose}, which commits
 * each close in a transaction of its own, a close stays done whatever happens to the caller's transaction; and like it,
 * {@code closeDays} keeps none of its closes when one fails. Each day's
 * outcome is scripted per loan; unscripted days are "on time" (0 days past due, ACTIVE).
 */
public class FakeDailyClose implements DailyClose {

  /** A scripted outcome of one loan's day. */
  public record Outcome(int daysPastDue, LoanStatus status, boolean newlyPastDue, boolean settled) {

    public static Outcome onTime() {
      return new Outcome(0, LoanStatus.ACTIVE, false, false);
    }

    public static Outcome pastDue(int days, boolean newly) {
      return new Outcome(days, LoanStatus.DELINQUENT, newly, false);
    }

    public static Outcome settledToday() {
      return new Outcome(0, LoanStatus.SETTLED, false, true);
    }
  }

  private static final class FakeLoan {
    final Map<LocalDate, Outcome> script = new ConcurrentHashMap<>();
    volatile LocalDate lastClosed;
    volatile Outcome state = Outcome.onTime();
  }

  private final NavigableMap<String, FakeLoan> book = new ConcurrentSkipListMap<>();
  private final List<DueInstalment> dueInstalments = new CopyOnWriteArrayList<>();
  private final List<String> closes = new CopyOnWriteArrayList<>();
  private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
  private volatile RuntimeException openLoansFailure;
  private volatile BiConsumer<String, LocalDate> onClose = (loan, date) -> {};

  public void reset() {
    book.clear();
    dueInstalments.clear();
    closes.clear();
    poisoned.clear();
    openLoansFailure = null;
    onClose = (loan, date) -> {};
  }

  /** A loan whose days up to {@code lastClosed} are closed (null: none yet). */
  public void addLoan(String loanNumber, LocalDate lastClosed) {
    FakeLoan loan = new FakeLoan();
    loan.lastClosed = lastClosed;
    book.put(loanNumber, loan);
  }

  public void script(String loanNumber, LocalDate date, Outcome outcome) {
    book.get(loanNumber).script.put(date, outcome);
  }

  public void dueInstalment(DueInstalment instalment) {
    dueInstalments.add(instalment);
  }

  public void poison(String loanNumber) {
    poisoned.add(loanNumber);
  }

  public void cure(String loanNumber) {
    poisoned.remove(loanNumber);
  }

  public void failOpenLoans(RuntimeException failure) {
    openLoansFailure = failure;
  }

  /** Called on every closeDay, before anything else (inside the caller's transaction). */
  public void onClose(BiConsumer<String, LocalDate> hook) {
    onClose = hook;
  }

  /** Closes, in order, as "loan@date". */
  public List<String> closes() {
    return List.copyOf(closes);
  }

  public List<LocalDate> closedDates(String loanNumber) {
    List<LocalDate> dates = new ArrayList<>();
    closes.stream().filter(close -> close.startsWith(loanNumber + "@"))
        .forEach(close -> dates.add(LocalDate.parse(close.substring(loanNumber.length() + 1))));
    return dates;
  }

  @Override
  public List<String> openLoans(String afterLoanNumber, int limit) {
    if (openLoansFailure != null) {
      throw openLoansFailure;
    }
    NavigableMap<String, FakeLoan> after = afterLoanNumber == null ? book : book.tailMap(afterLoanNumber, false);
    return after.entrySet().stream().filter(entry -> entry.getValue().state.status() != LoanStatus.SETTLED)
        .map(Map.Entry::getKey).limit(limit).toList();
  }

  @Override
  public DayEnd closeDay(String loanNumber, LocalDate businessDate) {
    FakeLoan loan = book.get(loanNumber);
    if (loan == null) {
      throw new IllegalArgumentException("No loan " + loanNumber);
    }
    onClose.accept(loanNumber, businessDate);
    if (poisoned.contains(loanNumber)) {
      throw new IllegalStateException("Ledger cannot close loan " + loanNumber + ": schedule inconsistent");
    }
    LocalDate last = loan.lastClosed;
    if (last != null && !businessDate.isAfter(last)) {
      Outcome state = loan.state;
      return new DayEnd(loanNumber, businessDate, state.daysPastDue(), state.status(), false, false, true);
    }
    if (last != null && !businessDate.equals(last.plusDays(1))) {
      throw new IllegalStateException("Loan " + loanNumber + ": " + businessDate + " closed before " + last.plusDays(1));
    }
    Outcome outcome = loan.script.getOrDefault(businessDate, Outcome.onTime());
    loan.lastClosed = businessDate;
    loan.state = outcome;
    closes.add(loanNumber + "@" + businessDate);
    return new DayEnd(loanNumber, businessDate, outcome.daysPastDue(), outcome.status(), outcome.newlyPastDue(),
        outcome.settled(), false);
  }

  /** As the ledger: all or none (the closes done before a failure are undone, then the failure is thrown). */
  @Override
  public List<DayEnd> closeDays(List<String> loanNumbers, LocalDate businessDate) {
    Map<String, LocalDate> lastClosed = new HashMap<>();
    Map<String, Outcome> states = new HashMap<>();
    List<DayEnd> ends = new ArrayList<>();
    try {
      for (String loanNumber : loanNumbers) {
        FakeLoan loan = book.get(loanNumber);
        if (loan != null) {
          lastClosed.put(loanNumber, loan.lastClosed);
          states.put(loanNumber, loan.state);
        }
        ends.add(closeDay(loanNumber, businessDate));
      }
      return ends;
    } catch (RuntimeException e) {
      for (DayEnd end : ends) {
        if (!end.alreadyClosed()) {
          FakeLoan loan = book.get(end.loanNumber());
          loan.lastClosed = lastClosed.get(end.loanNumber());
          loan.state = states.get(end.loanNumber());
          closes.remove(end.loanNumber() + "@" + businessDate);
        }
      }
      throw e;
    }
  }

  @Override
  public List<DueInstalment> unpaidInstalmentsDueOn(LocalDate dueDate, String afterLoanNumber, int limit) {
    return dueInstalments.stream().filter(instalment -> instalment.dueDate().equals(dueDate))
        .filter(instalment -> afterLoanNumber == null || instalment.loanNumber().compareTo(afterLoanNumber) > 0)
        .sorted(java.util.Comparator.comparing(DueInstalment::loanNumber)).limit(limit).toList();
  }
}
