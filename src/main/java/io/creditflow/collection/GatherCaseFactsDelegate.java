package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_GatherFacts: the inputs of the DMN collectionStrategy, from the ledger.
 *
 * <p>Risk grade, behaviour score, overdue amount and earlier cures are transient variables: Task_ChooseStrategy reads
 * them in the same transaction (no wait state or asynchronous continuation between the two tasks), and they are not
 * written to the runtime or history tables. Camunda keeps a transient variable only until the transaction ends
 * (user guide, "Process Variables", Transient Variables:
 * https://docs.camunda.org/manual/7.24/user-guide/process-engine/variables/#transient-variables). As persisted
 * variables they went stale with the first payment or review, and each cost a runtime row, a historic variable
 * instance and a history detail per case (issue 9: 12 of a new case's some 75 engine rows). What the strategy was
 * chosen on stays in the decision's history (its inputs, Cockpit's decision instance); the case record holds the
 * strategy, and the ledger the current amounts.
 */
@Component
class GatherCaseFactsDelegate implements JavaDelegate {

  private final CollectionService collection;

  GatherCaseFactsDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CollectionService.Facts facts =
        collection.facts((String) execution.getVariable(CollectionProcess.LOAN_NUMBER));
    execution.setVariable(CollectionProcess.RISK_GRADE, Variables.stringValue(facts.riskGrade(), true));
    execution.setVariable(CollectionProcess.BEHAVIOUR_SCORE, Variables.integerValue(facts.behaviourScore(), true));
    // the start passed the days past due of the close; an equal value is not written again (a history detail less)
    ChangedVariables.set(execution, CollectionProcess.DAYS_PAST_DUE, facts.daysPastDue());
    execution.setVariable(CollectionProcess.OVERDUE_AMOUNT,
        Variables.doubleValue(facts.overdueAmount().doubleValue(), true));
    execution.setVariable(CollectionProcess.EARLIER_CURES, Variables.integerValue(facts.earlierCures(), true));
  }
}
