package io.creditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.CreditFlowApplication;
import io.creditflow.support.Http;
import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** Production identity: no demo users, the first administrator from the environment, no clock endpoint. */
class WithoutDemoUsersTest {

  /** Starts the application with these settings as command-line arguments (they override application.yaml). */
  private static ConfigurableApplicationContext start(String... settings) {
    String[] arguments = Stream.concat(Stream.of("--server.port=0", "--creditflow.demo.enabled=false",
            // a second engine in this JVM beside the cached test context
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.generate-unique-process-application-name=true"),
        Arrays.stream(settings).map(setting -> "--" + setting)).toArray(String[]::new);
    return new SpringApplicationBuilder(CreditFlowApplication.class).profiles("test").run(arguments);
  }

  @Test
  void theFirstAdministratorComesFromTheEnvironmentAndNoDemoUserExists() {
    try (ConfigurableApplicationContext context = start(
        "creditflow.admin.user=ops.admin", "creditflow.admin.password=Str0ng-Secret")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("demo").count()).isZero();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("ops.admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identity.checkPassword("ops.admin", "Str0ng-Secret")).isTrue();
      assertThat(identity.createGroupQuery().count()).isEqualTo(StaffGroups.ALL.size());

      Http http = new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
      assertThat(http.get("/api/me", "ops.admin", "Str0ng-Secret").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/me", "demo", "demo").statusCode()).isEqualTo(401);
      // the demo clock does not exist outside the embedded default
      assertThat(http.putJson("/api/admin/clock", "{\"now\": \"2027-01-31T09:00:00+08:00\"}", "ops.admin",
          "Str0ng-Secret").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void startUpFailsWithAClearMessageWhenTheAdministratorIsMissing() {
    assertThatThrownBy(() -> start("creditflow.admin.user=", "creditflow.admin.password="))
        .hasRootCauseInstanceOf(MissingAdminCredentialsException.class)
        .rootCause().hasMessageContaining("CREDITFLOW_ADMIN_USER").hasMessageContaining("CREDITFLOW_ADMIN_PASSWORD");
  }

  @Test
  void theFailureIsExplainedInSpringBootsReport() {
    MissingAdminCredentialsException cause = new MissingAdminCredentialsException();
    FailureAnalysis analysis = new MissingAdminCredentialsFailureAnalyzer()
        .analyze(new IllegalStateException("wrapped", cause));
    assertThat(analysis.getDescription()).contains("CREDITFLOW_ADMIN_USER");
    assertThat(analysis.getAction()).contains("camunda-admin");
  }
}
