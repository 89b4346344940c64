package io.creditflow.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/admin/clock} over real HTTP: who may move time, what bad input gets, and that time really moves. */
@CreditFlowWebTest
class AdminClockApiTest {

  private static final String PATH = "/api/admin/clock";

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Autowired
  Clock clock;

  @Autowired
  AuditTrail auditTrail;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void anAdministratorMovesTheEngineClockAndResetsIt() throws Exception {
    HttpResponse<String> moved = http.putJson(PATH, "{\"now\": \"2027-01-31T09:00:00+08:00\"}", "demo", "demo");

    assertThat(moved.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(moved.body());
    assertThat(body.path("moved").asBoolean()).isTrue();
    assertThat(body.path("zone").asText()).isEqualTo("Asia/Shanghai");
    Instant target = Instant.parse("2027-01-31T01:00:00Z");
    assertThat(Duration.between(target, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    assertThat(Duration.between(target, ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
    assertThat(auditTrail.of("clock", "engine"))
        .anySatisfy(event -> {
          assertThat(event.getActor()).isEqualTo("demo");
          assertThat(event.getAction()).isEqualTo("CLOCK_MOVED");
          assertThat(event.getDetail()).contains("2027-01-31T09:00+08:00");
        });

    HttpResponse<String> current = http.get(PATH, "demo", "demo");
    assertThat(json.readTree(current.body()).path("now").asText()).startsWith("2027-01-31T09:00");

    HttpResponse<String> reset = http.delete(PATH, "demo", "demo");
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(json.readTree(reset.body()).path("moved").asBoolean()).isFalse();
    assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void onlyAdministratorsMayMoveTime() throws Exception {
    HttpResponse<String> anonymous = http.putJson(PATH, "{\"now\": \"2027-01-31T09:00:00+08:00\"}");
    assertThat(anonymous.statusCode()).isEqualTo(401);

    HttpResponse<String> collector = http.putJson(PATH, "{\"now\": \"2027-01-31T09:00:00+08:00\"}",
        "collector", "demo");
    assertThat(collector.statusCode()).isEqualTo(403);
    assertThat(collector.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(collector.body()).path("status").asInt()).isEqualTo(403);
    assertThat(http.delete(PATH, "channel", "demo").statusCode()).isEqualTo(403);

    assertClockUntouched();
  }

  @Test
  void malformedJsonIsAProblemAndChangesNothing() throws Exception {
    JsonNode problem = badRequest("{\"now\": ");
    assertThat(problem.path("title").asText()).isEqualTo("Unreadable request body");
    assertThat(problem.path("detail").asText()).startsWith("Malformed JSON at line 1");
    assertClockUntouched();
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    JsonNode problem = badRequest("{\"now\": 5}");
    assertThat(problem.path("detail").asText()).startsWith("Field 'now': expected date-time with offset");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("now");
    badRequest("{\"now\": [2027, 1, 31, 9, 0]}");

    JsonNode notADate = badRequest("{\"now\": \"next tuesday\"}");
    assertThat(notADate.path("detail").asText()).contains("now").contains("next tuesday");
    assertClockUntouched();
  }

  @Test
  void aMissingFieldIsListedUnderErrors() throws Exception {
    JsonNode problem = badRequest("{}");
    assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("now");
    assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
    assertClockUntouched();
  }

  @Test
  void unknownFieldsAndEmptyBodiesAreRejected() throws Exception {
    JsonNode unknown = badRequest("{\"now\": \"2027-01-31T09:00:00+08:00\", \"nwo\": 1}");
    assertThat(unknown.path("detail").asText()).isEqualTo("Field 'nwo': unknown field.");

    JsonNode empty = badRequest("");
    assertThat(empty.path("detail").asText()).isEqualTo("A JSON request body is required.");
    assertClockUntouched();
  }

  private JsonNode badRequest(String body) throws Exception {
    HttpResponse<String> response = http.putJson(PATH, body, "demo", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    return problem;
  }

  private void assertClockUntouched() {
    assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
  }
}
