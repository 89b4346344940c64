package io.creditflow.cob;

import org.springframework.stereotype.Component;

/** Settings the {@code closeOfBusiness} model reads in expressions ({@code ${cobSettings.cron}}). */
@Component("cobSettings")
public class CobSettings {

  private final CobProperties properties;

  CobSettings(CobProperties properties) {
    this.properties = properties;
  }

  /** Cron of the daily timer start event. */
  public String getCron() {
    return properties.cron();
  }
}
