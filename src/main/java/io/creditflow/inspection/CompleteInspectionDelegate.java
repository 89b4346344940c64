package io.creditflow.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompleteInspection: every loan checked and every remediation done; the report is final. */
@Component
class CompleteInspectionDelegate implements JavaDelegate {

  private final InspectionService inspections;

  CompleteInspectionDelegate(InspectionService inspections) {
    this.inspections = inspections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inspections.complete((String) execution.getVariable(PostLoanInspection.INSPECTION_ID));
  }
}
