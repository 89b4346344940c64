package io.creditflow.common.engine;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a process variable only when its value changes. With history level FULL, every {@code setVariable} of an
 * existing variable writes a variable update (its history detail and the historic variable instance), even when the
 * value is the same. Delegates that run often and mostly repeat their outputs (a collection case planning again after
 * each payment) save those writes. Same scope rule as {@link VariableScope#setVariable}: the nearest scope that has
 * the variable, else the process instance.
 */
public final class ChangedVariables {

  private ChangedVariables() {}

  /** Sets {@code name} to {@code value} unless the variable exists with an equal value. */
  public static void set(VariableScope scope, String name, Object value) {
    if (scope.hasVariable(name) && Objects.equals(scope.getVariable(name), value)) {
      return;
    }
    scope.setVariable(name, value);
  }
}
