package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendSettlementNotices (step 4): settlement notices for a chunk of settled loans, one chunk per job; {@code moreToDo} loops the task. */
@Component
class SendSettlementNoticesDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  SendSettlementNoticesDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.SEND_SETTLEMENT_NOTICES));
  }
}
