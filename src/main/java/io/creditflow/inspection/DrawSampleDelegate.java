package io.creditflow.inspection;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DrawSample (asynchronous): draws the sample (a timer-started instance creates its inspection here and takes
 * its id as business key); {@code sampleSize} is 0 when there is nothing to inspect or the quarterly timer is off.
 */
@Component
class DrawSampleDelegate implements JavaDelegate {

  private final InspectionService inspections;

  DrawSampleDelegate(InspectionService inspections) {
    this.inspections = inspections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<InspectionService.Drawn> drawn = inspections.drawSample(
        (String) execution.getVariable(PostLoanInspection.INSPECTION_ID), execution.getProcessInstanceId());
    execution.setVariable(PostLoanInspection.SAMPLE_SIZE, drawn.map(InspectionService.Drawn::sampleSize).orElse(0));
    drawn.ifPresent(d -> {
      execution.setVariable(PostLoanInspection.INSPECTION_ID, d.inspection().id());
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(d.inspection().id());
      }
    });
  }
}
