package io.creditflow.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one "now" of the domain. It follows the process engine's clock ({@link ClockUtil}), so a test or a
 * demonstration that moves the engine clock moves timers, due dates and the ledger together.
 * Domain code takes a {@link Clock} bean and never calls {@code Instant.now()} or {@code LocalDate.now()} without it.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId otherZone) {
    return otherZone.equals(zone) ? this : new EngineClock(otherZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }

  @Override
  public long millis() {
    return ClockUtil.now().getTime();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EngineClock that && that.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode() + 17;
  }

  @Override
  public String toString() {
    return "EngineClock[" + zone + "]";
  }
}
