package io.creditflow.common.engine;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a process variable only when its value changes. With history level FULL, every {@code setVariable} of an
 * existing variable writes a variable update (its history detail and the historic variable instance), even when the
 * value is the same. Delegates that run often and mostly repeat their outputs (a collection case planning again after
 * each payment) save those writes. Same scope rule as {@link VariableScope#setVariable}: the nearest scope that has
 * the variable, else the process instance.
 *
 * <p>A {@code null} for a variable that does not exist is not written either: {@code getVariable} reads {@code null}
 * for it as it is. A new collection case's first plan has no promise and no exit, and the two variables cost three
 * rows each with history level FULL (runtime, historic instance, history detail; issue 9). An expression that names
 * the variable must then only be reached once a value was set (the collection's promise timer and its case-left
 * gateway are: the plan sets the value on those paths).
 */
public final class ChangedVariables {

  private ChangedVariables() {}

  /**
   * Sets {@code name} to {@code value} unless the variable exists with an equal value, or does not exist and
   * {@code value} is {@code null}.
   */
  public static void set(VariableScope scope, String name, Object value) {
    boolean exists = scope.hasVariable(name);
    if (exists ? Objects.equals(scope.getVariable(name), value) : value == null) {
      return;
    }
    scope.setVariable(name, value);
  }
}
