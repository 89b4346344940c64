package io.creditflow.inspection;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Remediate, on complete: a comment saying what was done (at most 500 characters) is required; the finding's
 * remediation is recorded DONE with the user and comment.
 */
@Component
class RemediationTaskListener implements TaskListener {

  static final int MAX_COMMENT = 500;

  private final InspectionService inspections;

  RemediationTaskListener(InspectionService inspections) {
    this.inspections = inspections;
  }

  @Override
  public void notify(DelegateTask task) {
    Object comment = task.getVariable(PostLoanInspection.REMEDIATION_COMMENT);
    if (!(comment instanceof String text) || text.isBlank() || text.length() > MAX_COMMENT) {
      throw new ProcessEngineException(PostLoanInspection.REMEDIATION_COMMENT + " is required, at most "
          + MAX_COMMENT + " characters.");
    }
    inspections.completeRemediation((String) task.getVariable(PostLoanInspection.INSPECTION_ID),
        (String) task.getVariable(PostLoanInspection.LOAN_NUMBER),
        InspectionService.item((String) task.getVariable(PostLoanInspection.CHECKLIST_ITEM)),
        ChecklistTaskListener.actingUser(task), text);
  }
}
