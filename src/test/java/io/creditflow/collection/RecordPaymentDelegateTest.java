package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When Record payment looks for an open call task. That the refresh reaches a real call task is in
 * {@code CollectionProcessTest}; here, that a case at any other step is not searched.
 */
class RecordPaymentDelegateTest {

  private final Map<String, Object> variables = new HashMap<>();
  private final VariableScope scope = mock(VariableScope.class);

  @BeforeEach
  void scopeBackedByAMap() {
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
  }

  @Test
  void aCallTaskCanBeOpenOnlyAfterThePlanChoseACallAndThePolicyAllowedIt() {
    assertThat(RecordPaymentDelegate.callTaskMayBeOpen(scope)).isFalse();

    variables.put(CollectionProcess.NEXT_ACTION, "CALL");
    variables.put(CollectionProcess.CALL_DECISION, "DEFERRED");
    assertThat(RecordPaymentDelegate.callTaskMayBeOpen(scope)).isFalse();

    variables.put(CollectionProcess.CALL_DECISION, "ALLOWED");
    assertThat(RecordPaymentDelegate.callTaskMayBeOpen(scope)).isTrue();

    // the next plan chose a reminder; the allowed call of the cycle before stays in callDecision
    variables.put(CollectionProcess.NEXT_ACTION, "SMS_REMINDER");
    assertThat(RecordPaymentDelegate.callTaskMayBeOpen(scope)).isFalse();
  }
}
