package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mode picks the implementation; an incomplete HTTP set-up stops start-up with a clear message. */
class BureauConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(BureauProperties.class)
  static class Infrastructure {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Infrastructure.class, BureauConfiguration.class);

  @Test
  void sandboxByDefault() {
    runner.run(context -> assertThat(context).getBean(CreditBureau.class).isInstanceOf(SandboxCreditBureau.class));
  }

  @Test
  void httpWhenConfigured() {
    runner.withPropertyValues("creditflow.bureau.mode=http",
            "creditflow.bureau.http.base-url=https://bureau.example.com",
            "creditflow.bureau.http.username=cf", "creditflow.bureau.http.password=secret",
            "creditflow.bureau.http.read-timeout=8s")
        .run(context -> {
          assertThat(context).getBean(CreditBureau.class).isInstanceOf(HttpCreditBureau.class);
          BureauProperties properties = context.getBean(BureauProperties.class);
          assertThat(properties.http().readTimeout()).hasSeconds(8);
          assertThat(properties.http().connectTimeout()).hasSeconds(2);
          assertThat(properties.http().toString()).doesNotContain("secret").contains("****");
        });
  }

  @Test
  void httpWithoutAnAddressOrCredentialsFailsStartUpClearly() {
    runner.withPropertyValues("creditflow.bureau.mode=HTTP")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause()
            .hasMessageContaining("creditflow.bureau.mode=http")
            .hasMessageContaining("creditflow.bureau.http.base-url is missing")
            .hasMessageContaining("creditflow.bureau.http.username is missing")
            .hasMessageContaining("creditflow.bureau.http.password is missing"));
  }

  @Test
  void anAddressThatIsNoHttpUrlFailsStartUp() {
    runner.withPropertyValues("creditflow.bureau.mode=http", "creditflow.bureau.http.base-url=bureau.example.com",
            "creditflow.bureau.http.username=cf", "creditflow.bureau.http.password=secret")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("absolute http(s) URL"));
  }
}
