package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RaiseEarlyWarnings: raises early warnings for a chunk of reviewed loans (step 6), one chunk per job; {@code moreToDo} loops the task. */
@Component
class RaiseEarlyWarningsDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  RaiseEarlyWarningsDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.RAISE_EARLY_WARNINGS));
  }
}
