package io.creditflow.hardship;

import io.creditflow.servicing.LoanQueries;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a private in-memory H2 database and a random port, with {@link FakeLedgerActions} as the
 * ledger's actions. Test classes with this annotation share one context; jobs are driven by the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false"})
@ActiveProfiles("test")
@Import({HardshipTest.FakeLedger.class, ProcessEngineCoverageConfiguration.class})
public @interface HardshipTest {

  /** The fake ledger actions, preferred over any other LedgerActions bean. */
  @TestConfiguration(proxyBeanMethods = false)
  class FakeLedger {

    @Bean
    @Primary
    FakeLedgerActions fakeLedgerActions(LoanQueries loans) {
      return new FakeLedgerActions(loans);
    }
  }
}
