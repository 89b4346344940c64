package io.creditflow.conventions;

/**
 * A {@code camunda:delegateExpression} found in a BPMN model.
 *
 * @param file       path of the model, e.g. {@code processes/loan.bpmn}
 * @param elementId  id of the element carrying the expression; for listeners, the id of the element they listen on
 * @param expression the expression as written, e.g. {@code ${creditCheckDelegate}}
 */
public record DelegateRef(String file, String elementId, String expression) {
}
