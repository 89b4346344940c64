package io.creditflow.cob;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenBusinessDay (asynchronous): picks the next business date to close on the way to the target date and opens
 * its run; {@code dayToClose} is false when nothing is left (or another instance is running). A daily, timer-started
 * instance gets "yesterday" as target and as business key here.
 */
@Component
class OpenBusinessDayDelegate implements JavaDelegate {

  private final CobRunService runs;

  OpenBusinessDayDelegate(CobRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String target = (String) execution.getVariable(CobVariables.TARGET_DATE);
    String triggeredBy = (String) execution.getVariable(CobVariables.TRIGGERED_BY);
    if (triggeredBy == null) {
      triggeredBy = CobRunService.TIMER;
    }
    CobRunService.NextDay next = runs.openNextBusinessDay(target == null ? null : LocalDate.parse(target),
        triggeredBy, execution.getProcessInstanceId());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(next.targetDate().toString());
    }
    execution.setVariable(CobVariables.TARGET_DATE, next.targetDate().toString());
    execution.setVariable(CobVariables.TRIGGERED_BY, triggeredBy);
    execution.setVariable(CobVariables.DAY_TO_CLOSE, next.run().isPresent());
    next.run().ifPresent(run -> {
      execution.setVariable(CobVariables.RUN_ID, run.getId());
      execution.setVariable(CobVariables.BUSINESS_DATE, run.getBusinessDate().toString());
    });
  }
}
