package io.creditflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CreditFlow: a consumer-loan servicing process application on Camunda 7.
 *
 * <p>Models are deployed from {@code processes/} and {@code forms/} (see {@code camunda.bpm.deployment-resource-pattern}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CreditFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CreditFlowApplication.class, args);
  }
}
