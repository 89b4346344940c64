package io.creditflow.legal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application (real ledger) on a private in-memory H2 database and a random port, demo users on. Test
 * classes with this annotation share one context of their own (the extra property keeps it apart from other
 * annotations' contexts, whose clean-ups would meet the legal tests' loans); jobs are driven by the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false",
    "creditflow.legal.settlement-max-days=90"})
@ActiveProfiles("test")
public @interface LegalTest {}
