package io.creditflow.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.CreditFlowWebTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CreditFlowWebTest
class AuditTrailTest {

  @Autowired
  AuditTrail trail;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void recordsWithTheEngineClockToTheSecondAndCapsTheDetail() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:15:30.987Z")));

    trail.record("officer", "NOTED", "application", "APP-1", "x".repeat(1500));

    assertThat(trail.of("application", "APP-1")).singleElement().satisfies(event -> {
      assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
      assertThat(event.getActor()).isEqualTo("officer");
      assertThat(event.getAction()).isEqualTo("NOTED");
      assertThat(event.getDetail()).hasSize(1000);
      assertThat(event.getId()).hasSize(36);
    });
    assertThat(trail.of("application", "APP-2")).isEmpty();
  }
}
