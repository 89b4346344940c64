package io.creditflow.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The whole application with {@code creditflow.notifications.delivery=live} on a private in-memory H2 database: the
 * SMS gateway is a local WireMock server, the mail server a local GreenMail SMTP server, both on free ports. Three
 * attempts before FAILED. Test classes with this annotation share one context; they drive the dispatcher and jobs
 * themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.notifications.dispatcher-enabled=false",
    "creditflow.notifications.delivery=live",
    "creditflow.notifications.max-attempts=3",
    "creditflow.notifications.sms.username=creditflow-sms",
    "creditflow.notifications.sms.password=sms-s3cret",
    "creditflow.notifications.sms.read-timeout=10s",
    "creditflow.notifications.email.from=CreditFlow <no-reply@creditflow.test>",
    "spring.mail.host=127.0.0.1"})
@ActiveProfiles("test")
@AutoConfigureObservability
@Import({LiveNotificationTest.LocalChannels.class, ProcessEngineCoverageConfiguration.class})
public @interface LiveNotificationTest {

  String SMS_PATH = "/v1/messages";

  /** The local SMS gateway and mail server, started before the application binds its settings. */
  @TestConfiguration(proxyBeanMethods = false)
  class LocalChannels {

    @Bean(destroyMethod = "stop")
    WireMockServer smsGateway() {
      WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      return server;
    }

    @Bean(destroyMethod = "stop")
    GreenMail mailServer() {
      GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      mail.start();
      return mail;
    }

    @Bean
    DynamicPropertyRegistrar localChannelProperties(WireMockServer smsGateway, GreenMail mailServer) {
      return registry -> {
        registry.add("creditflow.notifications.sms.url", () -> smsGateway.baseUrl() + SMS_PATH);
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
      };
    }
  }
}
