package io.creditflow.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTest {

  private final EngineClock clock = new EngineClock(ZoneId.of("Asia/Shanghai"));

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void followsTheEngineClock() {
    Instant frozen = Instant.parse("2027-02-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(frozen));

    assertThat(clock.instant()).isEqualTo(frozen);
    assertThat(clock.millis()).isEqualTo(frozen.toEpochMilli());
    assertThat(java.time.LocalDate.now(clock)).hasToString("2027-02-01");
    assertThat(java.time.LocalTime.now(clock)).hasToString("08:00");
  }

  @Test
  void demoClockMovesTimeAndKeepsItRunning() throws InterruptedException {
    DemoClock demo = new DemoClock(clock);
    Instant target = Instant.parse("2030-06-01T12:00:00Z");

    Instant moved = demo.moveTo(target);
    Thread.sleep(20);

    assertThat(moved).isBetween(target.minusSeconds(1), target.plusSeconds(1));
    assertThat(clock.instant()).isAfter(moved);
    assertThat(demo.isMoved()).isTrue();

    demo.reset();
    assertThat(demo.isMoved()).isFalse();
    assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
  }

  @Test
  void zoneIsPartOfIdentity() {
    assertThat(clock.withZone(ZoneId.of("Asia/Shanghai"))).isSameAs(clock);
    assertThat(clock.withZone(ZoneId.of("Europe/London")).getZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(clock).isEqualTo(new EngineClock(ZoneId.of("Asia/Shanghai")))
        .isNotEqualTo(new EngineClock(ZoneId.of("UTC")));
  }
}
