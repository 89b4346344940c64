package io.creditflow.cob;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReviewCreditLines: reviews a chunk of credit lines whose review date has come (step 5), one chunk per job; {@code moreToDo} loops the task. */
@Component
class ReviewCreditLinesDelegate implements JavaDelegate {

  private final CobStepRunner runner;

  ReviewCreditLinesDelegate(CobStepRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CobVariables.MORE_TO_DO,
        runner.runChunk((String) execution.getVariable(CobVariables.RUN_ID), CobStepName.REVIEW_CREDIT_LINES));
  }
}
