package io.creditflow.inspection;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordFindings: the loan's checklist as findings; sets {@code failedCount} and {@code remediationDue} (the due
 * date of its remediation tasks) in the loan's sub-process scope.
 */
@Component
class RecordFindingsDelegate implements JavaDelegate {

  private final InspectionService inspections;

  RecordFindingsDelegate(InspectionService inspections) {
    this.inspections = inspections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<ChecklistItem, InspectionService.ItemResult> results = new EnumMap<>(ChecklistItem.class);
    for (ChecklistItem item : ChecklistItem.values()) {
      results.put(item, new InspectionService.ItemResult(
          ChecklistItem.PASS.equals(execution.getVariable(item.resultVariable())),
          (String) execution.getVariable(item.commentVariable())));
    }
    InspectionService.Recorded recorded = inspections.recordChecklist(
        (String) execution.getVariable(PostLoanInspection.INSPECTION_ID),
        (String) execution.getVariable(PostLoanInspection.LOAN_NUMBER), results,
        (String) execution.getVariable(PostLoanInspection.INSPECTED_BY));
    execution.setVariable(PostLoanInspection.FAILED_COUNT, recorded.failed().size());
    LocalDate due = recorded.remediationDue();
    // ISO 8601 (date-time) as the user task's dueDate expects it; end of the business day, in the business zone
    execution.setVariable(PostLoanInspection.REMEDIATION_DUE, due.atTime(18, 0)
        .atZone(inspections.zone()).toOffsetDateTime().toString());
  }
}
