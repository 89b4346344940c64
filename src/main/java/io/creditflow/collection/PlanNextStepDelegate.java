package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanNextStep: what to do now, or when to look again (see {@link CollectionService#plan}). Writes only the
 * outputs that changed: after a payment the plan mostly repeats itself.
 */
@Component
class PlanNextStepDelegate implements JavaDelegate {

  private final CollectionService collection;

  PlanNextStepDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CollectionService.Plan plan = collection.plan(execution.getProcessInstanceId());
    ChangedVariables.set(execution, CollectionProcess.NEXT_ACTION, plan.nextAction());
    ChangedVariables.set(execution, CollectionProcess.STAGE, plan.stage().name());
    ChangedVariables.set(execution, CollectionProcess.DAYS_PAST_DUE, plan.daysPastDue());
    ChangedVariables.set(execution, CollectionProcess.NEXT_CHECK_AT, plan.nextCheckAt());
    ChangedVariables.set(execution, CollectionProcess.PROMISE_CHECK_AT, plan.promiseCheckAt());
    ChangedVariables.set(execution, CollectionProcess.CASE_OUTCOME, plan.caseOutcome());
    ChangedVariables.set(execution, CollectionProcess.CALL_GROUP, plan.callGroup());
  }
}
