package io.creditflow.conventions;

import static io.creditflow.conventions.ModelConventions.CAMUNDA_NS;
import static io.creditflow.conventions.ModelConventions.RULE_DECISION_REF;
import static io.creditflow.conventions.ModelConventions.RULE_EXECUTABLE;
import static io.creditflow.conventions.ModelConventions.RULE_FORM_REF;
import static io.creditflow.conventions.ModelConventions.RULE_IMPLEMENTATION;
import static io.creditflow.conventions.ModelConventions.RULE_TIMER;
import static io.creditflow.conventions.ModelConventions.RULE_USER_TASK;
import static io.creditflow.conventions.ModelConventions.isBlank;
import static io.creditflow.conventions.ModelConventions.isExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;

/** Rules 3 to 7: executable processes, user tasks and forms, task implementations, decisions, timers. */
final class BpmnRules {

  private final Set<String> formIds;
  private final Set<String> decisionIds;

  /**
   * @param formIds     ids of all forms in {@code forms/}
   * @param decisionIds ids of all decisions in the DMN files of {@code processes/}
   */
  BpmnRules(Set<String> formIds, Set<String> decisionIds) {
    this.formIds = formIds;
    this.decisionIds = decisionIds;
  }

  List<Violation> check(String file, BpmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    model.getModelElementsByType(Process.class).forEach(process -> checkProcess(file, process, violations));
    model.getModelElementsByType(UserTask.class).forEach(task -> checkUserTask(file, task, violations));
    model.getModelElementsByType(StartEvent.class).forEach(event -> checkStartForm(file, event, violations));
    Stream.concat(model.getModelElementsByType(ServiceTask.class).stream(), model.getModelElementsByType(SendTask.class).stream())
        .forEach(task -> checkImplementation(file, task, violations));
    model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> checkBusinessRuleTask(file, task, violations));
    model.getModelElementsByType(TimerEventDefinition.class).forEach(timer -> checkTimer(file, timer, violations));
    return violations;
  }

  private void checkProcess(String file, Process process, List<Violation> violations) {
    if (!process.isExecutable()) {
      violations.add(new Violation(file, process.getId(), RULE_EXECUTABLE, "process is not executable (isExecutable is false or missing)"));
    }
    if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
      violations.add(new Violation(file, process.getId(), RULE_EXECUTABLE, "process has no camunda:historyTimeToLive"));
    }
  }

  private void checkUserTask(String file, UserTask task, List<Violation> violations) {
    if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
      violations.add(new Violation(file, task.getId(), RULE_USER_TASK,
          "user task has neither camunda:candidateGroups nor camunda:assignee"));
    }
    if (isBlank(task.getCamundaFormRef())) {
      violations.add(new Violation(file, task.getId(), RULE_USER_TASK, "user task has no camunda:formRef"));
    } else {
      checkFormExists(file, task, task.getCamundaFormRef(), violations);
    }
  }

  private void checkStartForm(String file, StartEvent event, List<Violation> violations) {
    if (!isBlank(event.getCamundaFormRef())) {
      checkFormExists(file, event, event.getCamundaFormRef(), violations);
    }
  }

  private void checkFormExists(String file, BaseElement element, String formRef, List<Violation> violations) {
    if (!isExpression(formRef) && !formIds.contains(formRef)) {
      violations.add(new Violation(file, element.getId(), RULE_FORM_REF,
          "camunda:formRef '" + formRef + "' names no form in forms/"));
    }
  }

  private void checkImplementation(String file, Activity task, List<Violation> violations) {
    if (!hasImplementation(task)) {
      violations.add(new Violation(file, task.getId(), RULE_IMPLEMENTATION, task.getElementType().getTypeName()
          + " has no implementation (camunda:class, delegateExpression, expression, external topic or connector)"));
    }
  }

  private void checkBusinessRuleTask(String file, BusinessRuleTask task, List<Violation> violations) {
    String decisionRef = task.getCamundaDecisionRef();
    if (isBlank(decisionRef)) {
      if (!hasImplementation(task)) {
        violations.add(new Violation(file, task.getId(), RULE_DECISION_REF, "business rule task has no camunda:decisionRef"));
      }
    } else if (!isExpression(decisionRef) && !decisionIds.contains(decisionRef)) {
      violations.add(new Violation(file, task.getId(), RULE_DECISION_REF,
          "camunda:decisionRef '" + decisionRef + "' names no decision in the DMN files"));
    }
  }

  /** Service, send and business rule tasks share these camunda attributes, though not a common interface. */
  private static boolean hasImplementation(Activity task) {
    return hasCamundaAttribute(task, "class")
        || hasCamundaAttribute(task, "delegateExpression")
        || hasCamundaAttribute(task, "expression")
        || "external".equals(task.getAttributeValueNs(CAMUNDA_NS, "type")) && hasCamundaAttribute(task, "topic")
        || hasConnector(task);
  }

  private static boolean hasCamundaAttribute(Activity task, String name) {
    return !isBlank(task.getAttributeValueNs(CAMUNDA_NS, name));
  }

  private static boolean hasConnector(Activity task) {
    return task.getExtensionElements() != null
        && task.getExtensionElements().getElementsQuery().filterByType(CamundaConnector.class).count() > 0;
  }

  private void checkTimer(String file, TimerEventDefinition timer, List<Violation> violations) {
    if (isEmpty(timer.getTimeDate()) && isEmpty(timer.getTimeDuration()) && isEmpty(timer.getTimeCycle())) {
      violations.add(new Violation(file, eventId(timer), RULE_TIMER, "timer has no timeDate, timeDuration or timeCycle"));
    }
  }

  private static boolean isEmpty(Expression expression) {
    return expression == null || isBlank(expression.getTextContent());
  }

  /** The id of the event owning the timer, which is what a modeller sees. */
  private static String eventId(TimerEventDefinition timer) {
    return timer.getParentElement() instanceof BaseElement event ? event.getId() : timer.getId();
  }
}
