package io.creditflow.servicing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A test delegate that records what {@link #PROBE} answers at the moment the process runs it. */
public class ProbeDelegate implements JavaDelegate {

  static final AtomicReference<Supplier<Object>> PROBE = new AtomicReference<>(() -> null);
  static final AtomicReference<Object> SEEN = new AtomicReference<>();

  @Override
  public void execute(DelegateExecution execution) {
    SEEN.set(PROBE.get().get());
  }
}
