package io.creditflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on H2, checked over real HTTP the way a browser, a channel or an operator reaches it. */
@CreditFlowWebTest
class ApplicationHttpTest {

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void rootRedirectsToTheWebappsAndTheLoginPageIsServed() {
    HttpResponse<String> root = http.get("/");
    assertThat(root.statusCode()).isBetween(300, 399);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/camunda/app/"));

    HttpResponse<String> welcome = http.get("/camunda/app/welcome/default/");
    assertThat(welcome.statusCode()).isEqualTo(200);
    assertThat(welcome.body()).contains("<html").containsIgnoringCase("camunda");
  }

  @Test
  void engineRestRequiresAuthentication() {
    HttpResponse<String> anonymous = http.get("/engine-rest/process-definition");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

    // (a wrong password delays that user's next login: Camunda's login throttling; so use a user of its own)
    assertThat(http.get("/engine-rest/process-definition", "lawyer", "wrong").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", "nobody", "demo").statusCode()).isEqualTo(401);

    HttpResponse<String> admin = http.get("/engine-rest/process-definition", "demo", "demo");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).startsWith("[");
  }

  @Test
  void engineRestAppliesTheEngineAuthorizationsOfTheCaller() throws Exception {
    // authenticated but not permitted: a collector may not create users
    HttpResponse<String> createUser = http.postJson("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},\"credentials\":{\"password\":\"x\"}}",
        "collector", "demo");
    assertThat(createUser.statusCode()).isEqualTo(403);
    assertThat(http.get("/engine-rest/user?id=intruder", "demo", "demo").body()).isEqualTo("[]");

    // queries are filtered by what the caller may read: staff see the shared filters, systems do not
    assertThat(json.readTree(http.get("/engine-rest/filter", "collector", "demo").body()).size()).isEqualTo(3);
    assertThat(json.readTree(http.get("/engine-rest/filter", "channel", "demo").body()).size()).isZero();
  }

  @Test
  void ourApiRequiresAuthenticationAndAnswersProblemDetails() throws Exception {
    HttpResponse<String> anonymous = http.get("/api/me");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(anonymous.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("detail").asText()).contains("HTTP Basic");

    HttpResponse<String> me = http.get("/api/me", "collector", "demo");
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(me.body());
    assertThat(body.path("userId").asText()).isEqualTo("collector");
    assertThat(body.path("groups").toString()).isEqualTo("[\"collectors\"]");
  }

  @Test
  void webappLoginChecksTheApplicationEachUserMayOpen() {
    assertThat(webappLogin("demo", "demo", "admin")).isEqualTo(200);
    assertThat(webappLogin("demo", "demo", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("collector", "demo", "tasklist")).isEqualTo(200);
    assertThat(webappLogin("collector", "demo", "admin")).isEqualTo(403);
    assertThat(webappLogin("collector", "demo", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("manager", "demo", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("channel", "demo", "tasklist")).isEqualTo(403);
    assertThat(webappLogin("marketer", "wrong", "tasklist")).isEqualTo(401);
  }

  @Test
  void healthIsOpenMetricsNeedAUserAndTheApiIsDescribed() {
    HttpResponse<String> health = http.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");

    assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    HttpResponse<String> metrics = http.send(http.request("/actuator/prometheus", "demo", "demo")
        .setHeader("Accept", "text/plain").GET());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"creditflow\"")
        .contains("http_server_requests_seconds_count")
        // Spring Security's per-filter observations are off (management.observations.enable.spring.security)
        .doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authentications");

    HttpResponse<String> openApi = http.get("/v3/api-docs");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("/api/me").contains("/api/admin/clock").contains("whileStatus");
    assertThat(http.get("/swagger-ui.html").statusCode()).isBetween(200, 399);
  }

  @Test
  void webappLoginWithoutTheCsrfTokenIsRejected() {
    assertThat(http.postForm("/camunda/api/admin/auth/user/default/login/tasklist", "username=demo&password=demo")
        .statusCode()).isEqualTo(403);
  }

  /** Logs in as the Tasklist/Cockpit/Admin page does: session and XSRF cookies from a page, then the token header. */
  private int webappLogin(String user, String password, String app) {
    HttpResponse<String> page = http.get("/camunda/app/" + app + "/default/");
    String cookies = page.headers().allValues("Set-Cookie").stream()
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .collect(Collectors.joining("; "));
    String token = page.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
        .findFirst().orElseThrow();
    return http.send(http.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookies)
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))).statusCode();
  }
}
