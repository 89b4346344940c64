package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseLoans (step 1): closes the day of a chunk of open loans, one chunk per job; {@code moreToDo} loops the task. */
@Component
class CloseLoansDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  CloseLoansDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.CLOSE_LOANS));
  }
}
