package io.creditflow.portfolio;

import org.springframework.stereotype.Component;

/** Settings the {@code portfolioEarlyWarning} model reads in expressions ({@code ${portfolioSettings.cron}}). */
@Component("portfolioSettings")
public class PortfolioSettings {

  private final PortfolioProperties properties;

  PortfolioSettings(PortfolioProperties properties) {
    this.properties = properties;
  }

  /** Cron of the daily timer start event. */
  public String getCron() {
    return properties.cron();
  }
}
