package io.creditflow.bureau;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link CreditBureau} by {@code creditflow.bureau.mode}: the sandbox personas (default) or the real
 * bureau over HTTP. An incomplete HTTP configuration has already stopped start-up when the properties were bound.
 */
@Configuration(proxyBeanMethods = false)
class BureauConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BureauConfiguration.class);

  @Bean
  CreditBureau creditBureau(BureauProperties properties, Clock clock) {
    return switch (properties.mode()) {
      case SANDBOX -> {
        SandboxCreditBureau sandbox = new SandboxCreditBureau(clock);
        log.warn("Credit bureau: SANDBOX ({} personas; every other national id gets a thin file). "
            + "Set creditflow.bureau.mode=http to use the real bureau.", sandbox.personaDescriptions().size());
        yield sandbox;
      }
      case HTTP -> {
        HttpCreditBureau http = new HttpCreditBureau(properties.http(), clock);
        log.info("Credit bureau: HTTP at {} (connect time-out {}, read time-out {})", properties.http().origin(),
            properties.http().connectTimeout(), properties.http().readTimeout());
        yield http;
      }
    };
  }
}
