package io.creditflow.collection;

import io.creditflow.common.engine.TaskActors;
import io.creditflow.contact.CallOutcome;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Task_CallCustomer. On create: what the task shows (customer, amounts, promises, contact history, and the contact
 * policy's decision of Task_CheckCallAllowed) as task-local variables. On assignment: asks the policy again whether a
 * call is allowed now. On complete: {@link CollectionService#completeCall} checks and records the outcome, refusing
 * it for a call the policy forbids now or a promise no longer accepted; the form's inputs are then removed so that
 * the next call task starts empty ({@code lastCallOutcome} and {@code lastCollector} stay).
 */
@Component
class CollectionCallListener implements TaskListener {

  private final CollectionService collection;

  CollectionCallListener(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void notify(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> task.setVariablesLocal(summary(collection, processInstanceId, task));
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          task.setVariablesLocal(collection.callAllowedNow(processInstanceId));
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, processInstanceId);
      default -> { }
    }
  }

  /** What the call task shows (its task-local variables), with the contact policy's decision in {@code variables}. */
  static Map<String, Object> summary(CollectionService collection, String processInstanceId, VariableScope variables) {
    return collection.callSummary(processInstanceId,
        (String) variables.getVariable(CollectionProcess.CALL_ALLOWED_REASON),
        (String) variables.getVariable(CollectionProcess.CALL_DECISION),
        (Date) variables.getVariable(CollectionProcess.CALL_NOT_BEFORE));
  }

  private void complete(DelegateTask task, String processInstanceId) {
    String actor = actingUser(task);
    Object outcome = task.getVariable(CollectionProcess.CALL_OUTCOME);
    CallOutcome recorded = collection.completeCall(processInstanceId, new CollectionService.CallInput(
        outcome instanceof String text ? text : null,
        task.getVariable(CollectionProcess.PROMISED_DATE), task.getVariable(CollectionProcess.PROMISED_AMOUNT),
        task.getVariable(CollectionProcess.HARDSHIP_REASON),
        task.getVariable(CollectionProcess.REQUESTED_EXTENSION_MONTHS),
        task.getVariable(CollectionProcess.CONTACT_METHOD)), actor);
    task.getExecution().setVariable(CollectionProcess.LAST_CALL_OUTCOME, recorded.name());
    task.getExecution().setVariable(CollectionProcess.LAST_COLLECTOR, actor);
    for (String input : new String[] {CollectionProcess.CALL_OUTCOME, CollectionProcess.PROMISED_DATE,
        CollectionProcess.PROMISED_AMOUNT}) {
      task.getExecution().removeVariable(input);
    }
  }

  /** The assignee, else the authenticated user; a call outcome must have a name on it. */
  static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new CollectionRuleViolation("Claim the task before completing it, so the outcome has a name on it."));
  }
}
