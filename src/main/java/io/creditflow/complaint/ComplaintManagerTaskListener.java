package io.creditflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * complaint-managers' tasks: Task_ApproveExtension, Task_ReviewEscalation, Task_HandleBreach and
 * Task_SecondLevelReview. On create: what the forms show (task-local). On complete: the extension decision, the
 * second level's resolution, or the manager's note on an escalation, recorded in the complaint's history.
 */
@Component
class ComplaintManagerTaskListener implements TaskListener {

  private final ComplaintService complaints;

  ComplaintManagerTaskListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = (String) task.getVariable(ComplaintProcess.COMPLAINT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(complaints.investigationSummary(id));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String user = Actors.of(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveExtension" -> {
        Object approved = task.getVariable(ComplaintProcess.EXTENSION_APPROVED);
        if (!(approved instanceof Boolean)) {
          throw new ComplaintRuleViolation("Approve or decline the extension.");
        }
        complaints.decideExtension(id, (Boolean) approved, user);
      }
      case "Task_SecondLevelReview" ->
          complaints.secondLevel(id, ComplaintInvestigationListener.resolution(task.getVariables()), user);
      default -> complaints.managerNote(id, task.getTaskDefinitionKey(),
          (String) task.getVariable(ComplaintProcess.MANAGER_NOTE), user);
    }
  }
}
