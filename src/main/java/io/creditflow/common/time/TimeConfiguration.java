package io.creditflow.common.time;

import io.creditflow.common.CreditFlowProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock clock(CreditFlowProperties properties) {
    return new EngineClock(properties.timeZone());
  }
}
