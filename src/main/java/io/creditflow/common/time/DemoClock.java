package io.creditflow.common.time;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Moves the engine clock for demonstrations and acceptance runs (embedded default only). The clock keeps running
 * from the new point, so timers that fall due after a move fire as they would in real time.
 */
@Component
public class DemoClock {

  private final Clock clock;
  private volatile boolean moved;

  public DemoClock(Clock clock) {
    this.clock = clock;
  }

  /** Sets "now" to {@code target}; time runs on from there. */
  public Instant moveTo(Instant target) {
    long offset = target.toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    moved = true;
    return clock.instant();
  }

  /** Back to the real time. */
  public Instant reset() {
    ClockUtil.reset();
    moved = false;
    return clock.instant();
  }

  public boolean isMoved() {
    return moved;
  }

  public Instant now() {
    return clock.instant();
  }
}
