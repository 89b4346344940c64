package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_GatherFacts: the inputs of the DMN collectionStrategy, from the ledger. */
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
    execution.setVariable(CollectionProcess.RISK_GRADE, facts.riskGrade());
    execution.setVariable(CollectionProcess.BEHAVIOUR_SCORE, facts.behaviourScore());
    // the start passed the days past due of the close; an equal value is not written again (a history detail less)
    ChangedVariables.set(execution, CollectionProcess.DAYS_PAST_DUE, facts.daysPastDue());
    execution.setVariable(CollectionProcess.OVERDUE_AMOUNT, facts.overdueAmount().doubleValue());
    execution.setVariable(CollectionProcess.EARLIER_CURES, facts.earlierCures());
  }
}
