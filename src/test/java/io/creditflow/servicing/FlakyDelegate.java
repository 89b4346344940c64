package io.creditflow.servicing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A service task of a test process that fails while {@link #FAILING} is set: a process that cannot take a message. */
public class FlakyDelegate implements JavaDelegate {

  static final AtomicBoolean FAILING = new AtomicBoolean();

  @Override
  public void execute(DelegateExecution execution) {
    if (FAILING.get()) {
      throw new IllegalStateException("the downstream system is unavailable");
    }
  }
}
