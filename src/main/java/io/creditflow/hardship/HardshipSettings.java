package io.creditflow.hardship;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Settings as the hardship model reads them, e.g. {@code ${hardshipSettings.assessmentDueDate()}} (engine time). */
@Component("hardshipSettings")
public class HardshipSettings {

  private final Duration assessmentDue;
  private final Clock clock;

  public HardshipSettings(@Value("${creditflow.hardship.assessment-due:P2D}") Duration assessmentDue, Clock clock) {
    this.assessmentDue = assessmentDue;
    this.clock = clock;
  }

  /** When a credit officer's assessment is due: {@code creditflow.hardship.assessment-due} (default 2 days) from now. */
  public Date assessmentDueDate() {
    return Date.from(clock.instant().plus(assessmentDue));
  }
}
