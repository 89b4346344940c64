package io.creditflow.cob;

import io.creditflow.review.EarlyWarningService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Step 6: for each open loan of a credit line step 5 reviewed in this run, and each loan with a payment valued on the
 * business date that paid an instalment late (added as follow-ups by the first chunk), the early-warning signals
 * ({@link EarlyWarningService}); a loan with signals gets an {@code earlyWarningReview} (business key = loan number)
 * unless one is running for it (then skipped). Each loan in its own engine command and transaction; the check makes a
 * redone chunk harmless.
 */
@Component
class RaiseEarlyWarningsStep implements ChunkStep {

  private final CobFollowUpRepository followUps;
  private final EarlyWarningService warnings;
  private final LoanWork loanWork;
  private final ProcessEngine engine;
  private final Clock clock;

  RaiseEarlyWarningsStep(CobFollowUpRepository followUps, EarlyWarningService warnings, LoanWork loanWork,
      ProcessEngine engine, Clock clock) {
    this.clock = clock;
    this.followUps = followUps;
    this.warnings = warnings;
    this.loanWork = loanWork;
    this.engine = engine;
  }

  @Override
  public CobStepName name() {
    return CobStepName.RAISE_EARLY_WARNINGS;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    if (cursor == null) {
      addLatePayers(run);
    }
    List<CobFollowUp> reviewed = followUps.findByRunIdAndKindAndLoanNumberGreaterThanOrderByLoanNumberAsc(
        run.getId(), CobFollowUp.Kind.EARLY_WARNING, cursor == null ? "" : cursor, Limit.of(chunkSize));
    CommandExecutor requiresNew =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequiresNew();
    LoanWork.Tally tally = loanWork.each(run.getId(), name(), reviewed, CobFollowUp::getLoanNumber,
        followUp -> requiresNew.execute(commandContext ->
            warnings.raiseIfSignalled(followUp.getLoanNumber(), run.getBusinessDate())
                ? LoanWork.Outcome.PROCESSED : LoanWork.Outcome.SKIPPED));
    return tally.result(reviewed.isEmpty() ? cursor : reviewed.get(reviewed.size() - 1).getLoanNumber(),
        reviewed.size() >= chunkSize);
  }

  /** Follow-ups for the loans paid late on the business date; in the chunk's transaction, so a redone chunk redoes it. */
  private void addLatePayers(CobRun run) {
    Instant now = clock.instant();
    Set<String> present = followUps.loanNumbers(run.getId(), CobFollowUp.Kind.EARLY_WARNING);
    followUps.saveAll(warnings.loansPaidLateOn(run.getBusinessDate()).stream()
        .filter(loanNumber -> !present.contains(loanNumber))
        .map(loanNumber -> new CobFollowUp(run.getId(), CobFollowUp.Kind.EARLY_WARNING, loanNumber, 0, now))
        .toList());
  }
}
