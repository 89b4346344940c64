package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartCollections (step 3): starts collection for a chunk of loans newly past due after grace, one chunk per job; {@code moreToDo} loops the task. */
@Component
class StartCollectionsDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  StartCollectionsDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.START_COLLECTIONS));
  }
}
