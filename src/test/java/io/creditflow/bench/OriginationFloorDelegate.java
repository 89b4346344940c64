package io.creditflow.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmark only: the no-op step of {@code bench/origination-floor.bpmn}. Present only in a context started with
 * {@code creditflow.bench.floors=true} (the benchmarks' own contexts), never in the product.
 */
@Component("originationFloorDelegate")
@ConditionalOnProperty(name = "creditflow.bench.floors", havingValue = "true")
class OriginationFloorDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // nothing: the floor measures the engine's own cost of an asynchronous step
  }
}
