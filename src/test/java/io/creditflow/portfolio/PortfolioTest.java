package io.creditflow.portfolio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on its own private in-memory H2 database and a random port: portfolio snapshots and
 * inspection samples are measured over the whole book, so these tests get a book of their own (each test starts
 * from an empty ledger, {@link PortfolioFixture#cleanSlate}). Test classes with this annotation share one context;
 * jobs are driven by the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false"})
@ActiveProfiles("test")
public @interface PortfolioTest {}
