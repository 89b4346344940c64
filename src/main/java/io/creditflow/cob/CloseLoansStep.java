package io.creditflow.cob;

import io.creditflow.servicing.DailyClose;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Step 1: {@link DailyClose#closeDay} for each open loan (instalments fallen due unpaid become overdue, days past due,
 * status, penalties; a loan with nothing outstanding is settled). In the same transaction as each close it notes
 * what later steps must do: a loan that crossed the grace period goes to collection (step 3), a settled loan gets its
 * notice (step 4). A second close of the same day answers {@code alreadyClosed} and counts as skipped.
 *
 * <p><b>Loans in good standing</b> (nothing due unpaid, nothing past due: most of the book on most days) are closed
 * together by {@link DailyClose#closeQuietLoans}, one statement per chunk; for them the close records the date and
 * nothing else, and there is nothing to follow up. Only the other loans take the per-loan path below.
 *
 * <p><b>Transactions.</b> The other loans go in groups of {@link #GROUP}: the ledger closes a group in one
 * transaction of its own ({@link DailyClose#closeDays}), and the group's follow-ups commit right after it, in the
 * group's transaction, whatever happens to the other groups of the chunk: two commits a group instead of two a loan
 * (the due-date wave, issue 9, tenth round). A group that fails (one loan the ledger cannot close, or a payment booked
 * on one of them at the same moment) is closed again loan by loan, each loan in a transaction of its own with
 * {@link DailyClose#closeDay} (which retries a conflict), so a failing loan is recorded and skipped alone; loans the
 * group had closed before it failed answer {@code alreadyClosed} then. When a chunk is redone after a crash
 * and a loan answers {@code alreadyClosed} with exactly {@code grace + 1} days past due, its collection follow-up is
 * written again if missing (the flag {@code newlyPastDue} is not repeated by the ledger). A settlement notice whose
 * follow-up was lost between the ledger's commit and ours (a crash in that instant) is not sent again: the settled
 * loan has left the open book.
 */
@Component
class CloseLoansStep implements ChunkStep {

  /** Loans closed per ledger transaction. */
  static final int GROUP = 20;

  private final DailyClose dailyClose;
  private final CobFollowUpRepository followUps;
  private final LoanWork loanWork;
  private final CobProperties properties;
  private final Clock clock;

  CloseLoansStep(DailyClose dailyClose, CobFollowUpRepository followUps, LoanWork loanWork,
      CobProperties properties, Clock clock) {
    this.dailyClose = dailyClose;
    this.followUps = followUps;
    this.loanWork = loanWork;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public CobStepName name() {
    return CobStepName.CLOSE_LOANS;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    List<String> loans = dailyClose.openLoans(cursor, chunkSize);
    DailyClose.QuietClose quiet = dailyClose.closeQuietLoans(loans, run.getBusinessDate());
    LoanWork.Tally tally = loanWork.eachInGroupsInOwnTransaction(run.getId(), name(), quiet.remaining(), loan -> loan,
        GROUP, group -> dailyClose.closeDays(group, run.getBusinessDate()).stream().map(end -> followUps(run, end))
            .toList(),
        loan -> followUps(run, dailyClose.closeDay(loan, run.getBusinessDate())));
    tally.processed += quiet.closed();
    return tally.result(loans.isEmpty() ? cursor : loans.get(loans.size() - 1), loans.size() >= chunkSize);
  }

  /** What the close of one loan leaves for later steps. */
  private LoanWork.Outcome followUps(CobRun run, DailyClose.DayEnd end) {
    if (end.alreadyClosed()) {
      if (end.daysPastDue() == properties.collectionGraceDays() + 1) {
        followUp(run, CobFollowUp.Kind.COLLECTION, end);
      }
      return LoanWork.Outcome.SKIPPED;
    }
    if (crossedGrace(end)) {
      followUp(run, CobFollowUp.Kind.COLLECTION, end);
    }
    if (end.settled()) {
      followUp(run, CobFollowUp.Kind.SETTLEMENT, end);
    }
    return LoanWork.Outcome.PROCESSED;
  }

  /**
   * Newly past due after grace: the loan's days past due exceed the grace days for the first time on this date, i.e.
   * it just reached {@code grace + 1}, or it became past due on this date already beyond grace.
   */
  boolean crossedGrace(DailyClose.DayEnd end) {
    int grace = properties.collectionGraceDays();
    return end.daysPastDue() > grace && (end.newlyPastDue() || end.daysPastDue() == grace + 1);
  }

  private void followUp(CobRun run, CobFollowUp.Kind kind, DailyClose.DayEnd end) {
    if (!followUps.existsByRunIdAndKindAndLoanNumber(run.getId(), kind, end.loanNumber())) {
      followUps.save(new CobFollowUp(run.getId(), kind, end.loanNumber(), end.daysPastDue(), clock.instant()));
    }
  }
}
