package io.creditflow.portfolio;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_EvaluateWarningLines: the DMN portfolioWarning per segment; sets {@code breachCount}, {@code warningLevel},
 * {@code recommendedActions} (comma-separated) and {@code breachSummary} (one line per breach) for the task.
 */
@Component
class EvaluateWarningLinesDelegate implements JavaDelegate {

  private final PortfolioWarningService warnings;

  EvaluateWarningLinesDelegate(PortfolioWarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PortfolioWarningService.Evaluation evaluation =
        warnings.evaluate((String) execution.getVariable(PortfolioEarlyWarning.SNAPSHOT_ID));
    execution.setVariable(PortfolioEarlyWarning.BREACH_COUNT, evaluation.breaches().size());
    execution.setVariable(PortfolioEarlyWarning.WARNING_LEVEL, evaluation.level());
    execution.setVariable(PortfolioEarlyWarning.RECOMMENDED_ACTIONS, String.join(",", evaluation.recommendedActions()));
    execution.setVariable(PortfolioEarlyWarning.BREACH_SUMMARY, evaluation.summary());
  }
}
