package io.creditflow.cob;

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
 * The whole application on a private in-memory H2 database and a random port, with {@link FakeDailyClose} as the
 * ledger, chunks of 2 loans, collection after 3 days past due (grace), and the daily timer at 03:45 (tests fire it by hand). Test classes
 * with this annotation share one context; jobs are driven by the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false",
    "creditflow.cob.chunk-size=2",
    "creditflow.cob.collection-grace-days=3",
    "creditflow.cob.daily-enabled=true",
    "creditflow.cob.cron=0 45 3 * * ?"})
@ActiveProfiles("test")
@Import({CobTest.FakeLedger.class, ProcessEngineCoverageConfiguration.class})
public @interface CobTest {

  /** The fake ledger, preferred over any other DailyClose bean. */
  @TestConfiguration(proxyBeanMethods = false)
  class FakeLedger {

    @Bean
    @Primary
    FakeDailyClose fakeDailyClose() {
      return new FakeDailyClose();
    }
  }
}
