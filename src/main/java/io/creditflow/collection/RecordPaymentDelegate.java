package io.creditflow.collection;

import io.creditflow.common.engine.ChangedVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Task_RecordPayment: records the payment on the case; {@code paymentEffect} (RECORDED, REPLAN, CURED) says whether
 * the case leaves its stages, {@code stillPastDue} whether it goes on after that. When the case goes on, an open
 * Task_CallCustomer is shown the amounts after the payment (its task-local summary, as on create); the task is looked
 * for only when the plan's variables say one can be open.
 */
@Component
class RecordPaymentDelegate implements JavaDelegate {

  private final CollectionService collection;

  RecordPaymentDelegate(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentEffect effect = collection.paymentRecorded(execution.getProcessInstanceId(),
        (String) execution.getVariable(CollectionProcess.PAYMENT_REFERENCE),
        execution.getVariable(CollectionProcess.AMOUNT),
        (Integer) execution.getVariable(CollectionProcess.DAYS_PAST_DUE));
    ChangedVariables.set(execution, CollectionProcess.PAYMENT_EFFECT, effect.name());
    ChangedVariables.set(execution, CollectionProcess.STILL_PAST_DUE, effect != PaymentEffect.CURED);
    if (effect == PaymentEffect.RECORDED && callTaskMayBeOpen(execution)) {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(CollectionProcess.TASK_CALL_CUSTOMER).list()
          .forEach(call -> tasks.setVariablesLocal(call.getId(),
              CollectionCallListener.summary(collection, execution.getProcessInstanceId(), execution)));
    }
  }

  /**
   * Task_CallCustomer is open only between a plan that chose a call and the next plan, and only when the contact
   * policy allowed it: the plan's {@code nextAction} is CALL and {@code callDecision} ALLOWED. Otherwise the task
   * query is not run (most payments: a case waits on its timer).
   */
  static boolean callTaskMayBeOpen(VariableScope variables) {
    return CollectionProcess.ACTION_CALL.equals(variables.getVariable(CollectionProcess.NEXT_ACTION))
        && CollectionProcess.CALL_ALLOWED.equals(variables.getVariable(CollectionProcess.CALL_DECISION));
  }
}
