package io.creditflow.monitoring;

import io.creditflow.common.engine.TaskActors;
import io.creditflow.monitoring.FundUsageInvestigation.Outcome;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_InvestigateFundUsage, on complete: the outcome must be CLEAR, FREEZE_LINE or RECALL_LOAN, a comment (at most
 * 500 characters) is required for FREEZE_LINE and RECALL_LOAN, and the deciding user is recorded as
 * {@code investigatedBy}, the actor of the ledger action.
 */
@Component
class FundUsageTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable(FundUsageInvestigation.OUTCOME);
    if (!(outcome instanceof String value) || Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(value))) {
      throw new InvestigationRuleViolation("investigationOutcome must be one of "
          + Arrays.toString(Outcome.values()) + ".");
    }
    Object comment = task.getVariable(FundUsageInvestigation.COMMENT);
    if (comment != null && (!(comment instanceof String text) || text.length() > MAX_COMMENT)) {
      throw new InvestigationRuleViolation("investigationComment must be text of at most " + MAX_COMMENT
          + " characters.");
    }
    if (!Outcome.CLEAR.name().equals(outcome) && (comment == null || ((String) comment).isBlank())) {
      throw new InvestigationRuleViolation("Say why in investigationComment when the line is frozen or the loan "
          + "recalled.");
    }
    task.getExecution().setVariable(FundUsageInvestigation.INVESTIGATED_BY, actingUser(task));
  }

  private static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new InvestigationRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
