package io.creditflow.review;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ApplyEarlyWarningOutcome}: carries out the risk manager's outcome ({@link EarlyWarningService#apply}). */
@Component
class ApplyEarlyWarningOutcomeDelegate implements JavaDelegate {

  private final EarlyWarningService warnings;
  private final Clock clock;

  ApplyEarlyWarningOutcomeDelegate(EarlyWarningService warnings, Clock clock) {
    this.warnings = warnings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warnings.apply((String) execution.getVariable(EarlyWarningReview.LOAN_NUMBER),
        EarlyWarningReview.Outcome.valueOf((String) execution.getVariable(EarlyWarningReview.OUTCOME)),
        LocalDate.now(clock), (String) execution.getVariable(EarlyWarningReview.REVIEWED_BY));
  }
}
