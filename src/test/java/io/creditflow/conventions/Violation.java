package io.creditflow.conventions;

/**
 * One breach of a modelling convention.
 *
 * @param file    path of the offending file, starting with its top-level folder, e.g. {@code processes/loan.bpmn}
 * @param element id of the offending element (BPMN/DMN id, form field key); {@code null} if the whole file is meant
 * @param rule    one of the {@code RULE_*} constants of {@link ModelConventions}
 * @param message human-readable explanation
 */
public record Violation(String file, String element, String rule, String message) {

  @Override
  public String toString() {
    return element == null
        ? file + ": " + message
        : file + " [" + element + "]: " + message;
  }
}
