package io.creditflow.cob;

import io.creditflow.review.ReviewService;
import io.creditflow.servicing.CreditLine;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Step 5: the periodic review of each credit line whose review date has come (or that has no review schedule yet;
 * {@link DueCreditLines}) ({@link ReviewService#reviewIfDue}:
 * bureau refresh, behaviour score, DMN {@code limitReview}, {@code creditLimitReview} where an action is proposed,
 * next review date), paging the credit lines by id. Each line in its own engine command and transaction, so a failing
 * line (e.g. the bureau did not answer) is recorded and skipped and stays due for the next close; a redone chunk finds
 * the reviewed lines no longer due. The open loans of each reviewed line are handed to step 6
 * ({@link CobFollowUp.Kind#EARLY_WARNING}) in the same transaction.
 */
@Component
class ReviewCreditLinesStep implements ChunkStep {

  private final ReviewService reviews;
  private final DueCreditLines dueLines;
  private final CobFollowUpRepository followUps;
  private final LoanWork loanWork;
  private final ProcessEngine engine;
  private final Clock clock;

  ReviewCreditLinesStep(ReviewService reviews, DueCreditLines dueLines, CobFollowUpRepository followUps,
      LoanWork loanWork, ProcessEngine engine, Clock clock) {
    this.reviews = reviews;
    this.dueLines = dueLines;
    this.followUps = followUps;
    this.loanWork = loanWork;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public CobStepName name() {
    return CobStepName.REVIEW_CREDIT_LINES;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    List<CreditLine> lines = dueLines.dueAfter(cursor == null ? "" : cursor, run.getBusinessDate(),
        Limit.of(chunkSize));
    CommandExecutor requiresNew =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequiresNew();
    LoanWork.Tally tally = loanWork.each(run.getId(), name(), lines, CreditLine::getId,
        line -> requiresNew.execute(commandContext -> review(run, line)));
    return tally.result(lines.isEmpty() ? cursor : lines.get(lines.size() - 1).getId(), lines.size() >= chunkSize);
  }

  private LoanWork.Outcome review(CobRun run, CreditLine line) {
    ReviewService.Outcome outcome = reviews.reviewIfDue(line, run.getBusinessDate());
    if (!outcome.reviewed()) {
      return LoanWork.Outcome.SKIPPED;
    }
    for (String loanNumber : outcome.openLoanNumbers()) {
      if (!followUps.existsByRunIdAndKindAndLoanNumber(run.getId(), CobFollowUp.Kind.EARLY_WARNING, loanNumber)) {
        followUps.save(new CobFollowUp(run.getId(), CobFollowUp.Kind.EARLY_WARNING, loanNumber, 0, clock.instant()));
      }
    }
    return LoanWork.Outcome.PROCESSED;
  }
}
