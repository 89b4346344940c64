package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendPreDueReminders (step 2): reminders for a chunk of instalments due soon, one chunk per job; {@code moreToDo} loops the task. */
@Component
class SendPreDueRemindersDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  SendPreDueRemindersDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.SEND_PRE_DUE_REMINDERS));
  }
}
