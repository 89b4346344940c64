package io.creditflow.common.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangedVariablesTest {

  private final Map<String, Object> variables = new HashMap<>();
  private final List<String> writes = new ArrayList<>();
  private final VariableScope scope = mock(VariableScope.class);

  @BeforeEach
  void scopeBackedByAMap() {
    when(scope.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> {
      writes.add(call.getArgument(0) + "=" + call.getArgument(1));
      variables.put(call.getArgument(0), call.getArgument(1));
      return null;
    }).when(scope).setVariable(anyString(), any());
  }

  @Test
  void writesANewVariableAndAChangedValueButNotAnEqualOne() {
    ChangedVariables.set(scope, "stage", "SMS_REMINDER");
    ChangedVariables.set(scope, "stage", "SMS_REMINDER");
    ChangedVariables.set(scope, "stage", "EMAIL_REMINDER");
    ChangedVariables.set(scope, "daysPastDue", 3);
    ChangedVariables.set(scope, "daysPastDue", Integer.valueOf(3));
    assertThat(writes).containsExactly("stage=SMS_REMINDER", "stage=EMAIL_REMINDER", "daysPastDue=3");
  }

  @Test
  void nullCreatesNoVariableButClearsOneThatHasAValue() {
    ChangedVariables.set(scope, "caseOutcome", null);
    ChangedVariables.set(scope, "caseOutcome", null);
    assertThat(variables).doesNotContainKey("caseOutcome");
    ChangedVariables.set(scope, "caseOutcome", "CURED");
    ChangedVariables.set(scope, "caseOutcome", null);
    ChangedVariables.set(scope, "caseOutcome", null);
    assertThat(writes).containsExactly("caseOutcome=CURED", "caseOutcome=null");
    assertThat(variables).containsEntry("caseOutcome", null);
  }

  @Test
  void datesAreComparedByTheirInstant() {
    ChangedVariables.set(scope, "nextCheckAt", new Date(1_000L));
    ChangedVariables.set(scope, "nextCheckAt", new Date(1_000L));
    ChangedVariables.set(scope, "nextCheckAt", new Date(2_000L));
    assertThat(writes).hasSize(2);
  }
}
