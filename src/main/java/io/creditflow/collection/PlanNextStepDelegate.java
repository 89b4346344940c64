package io.creditflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanNextStep: what to do now, or when to look again (see {@link CollectionService#plan}). */
@Component
class PlanNextStepDelegate implements JavaDelegate {

  private final CollectionService collection;

  PlanNextStepDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CollectionService.Plan plan = collection.plan(execution.getProcessInstanceId());
    execution.setVariable(CollectionProcess.NEXT_ACTION, plan.nextAction());
    execution.setVariable(CollectionProcess.STAGE, plan.stage().name());
    execution.setVariable(CollectionProcess.DAYS_PAST_DUE, plan.daysPastDue());
    execution.setVariable(CollectionProcess.NEXT_CHECK_AT, plan.nextCheckAt());
    execution.setVariable(CollectionProcess.PROMISE_CHECK_AT, plan.promiseCheckAt());
    execution.setVariable(CollectionProcess.CASE_OUTCOME, plan.caseOutcome());
    execution.setVariable(CollectionProcess.CALL_GROUP, plan.callGroup());
  }
}
