package io.creditflow.complaint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a private in-memory H2 database and a random port; jurisdiction CN with a holiday
 * calendar (1-5 May 2027 off, Sunday 9 May 2027 worked). Jobs and timers are driven by the tests. Test classes with
 * this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false",
    "creditflow.complaints.jurisdiction=CN",
    "creditflow.complaints.holidays=2027-05-03,2027-05-04,2027-05-05",
    "creditflow.complaints.working-days=2027-05-09"})
@ActiveProfiles("test")
@AutoConfigureObservability
@Import(ComplaintFixture.class)
public @interface ComplaintTest {}
