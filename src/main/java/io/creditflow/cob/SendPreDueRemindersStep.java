package io.creditflow.cob;

import io.creditflow.servicing.DailyClose;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Step 2: a reminder for each unpaid instalment due {@code reminder-days-ahead} days after the business date, written
 * to the outbox a chunk at a time (one transaction per chunk). When a late catch-up closes a date whose reminder day
 * has already passed (the due date is before today), no reminder is sent.
 */
@Component
class SendPreDueRemindersStep implements ChunkStep {

  private final DailyClose dailyClose;
  private final CobNotices notices;
  private final LoanWork loanWork;
  private final CobProperties properties;
  private final Clock clock;

  SendPreDueRemindersStep(DailyClose dailyClose, CobNotices notices, LoanWork loanWork, CobProperties properties,
      Clock clock) {
    this.dailyClose = dailyClose;
    this.notices = notices;
    this.loanWork = loanWork;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public CobStepName name() {
    return CobStepName.SEND_PRE_DUE_REMINDERS;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    LocalDate dueDate = run.getBusinessDate().plusDays(properties.reminderDaysAhead());
    if (dueDate.isBefore(LocalDate.now(clock))) {
      return ChunkResult.nothing(cursor);
    }
    List<DailyClose.DueInstalment> due = dailyClose.unpaidInstalmentsDueOn(dueDate, cursor, chunkSize);
    Function<String, String> languages = notices.languages(
        due.stream().map(DailyClose.DueInstalment::customerId).toList());
    LoanWork.Tally tally = loanWork.inOneThenEach(run.getId(), name(), due, DailyClose.DueInstalment::loanNumber,
        instalment -> {
          notices.reminder(instalment, languages.apply(instalment.customerId()));
          return LoanWork.Outcome.PROCESSED;
        });
    return tally.result(due.isEmpty() ? cursor : due.get(due.size() - 1).loanNumber(), due.size() >= chunkSize);
  }
}
