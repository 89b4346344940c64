package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompleteBusinessDay: the business date's run is COMPLETED; the model then looks for the next date. */
@Component
class CompleteBusinessDayDelegate implements JavaDelegate {

  private final CobRunService runs;

  CompleteBusinessDayDelegate(CobRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runs.completeBusinessDay((String) execution.getVariable(CobVariables.RUN_ID));
  }
}
