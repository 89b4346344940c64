package io.creditflow.cob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/cob-runs} over real HTTP: who may start and read runs, 202/400/401/403/404/409, newest first. */
@CobTest
class CobRunApiTest {

  private static final String PATH = "/api/cob-runs";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired FakeDailyClose ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired DisbursementService disbursements;
  @Autowired NotificationService notifications;
  @Autowired ObjectMapper json;

  private Http http;
  private CobFixture fixture;

  @BeforeEach
  void init() {
    http = new Http(port);
    fixture = new CobFixture(engine, jdbc, ledger, disbursements, notifications);
    fixture.cleanSlate("2027-02-10T02:00:00Z");
    ledger.addLoan(CobFixture.prefix() + "01", LocalDate.parse("2027-02-04"));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aRiskManagerStartsARunAndTheSameDateIsRefusedWhileRunningAndOnceCompleted() throws Exception {
    HttpResponse<String> started = http.postJson(PATH, "{\"businessDate\": \"2027-02-05\"}", "risk", "demo");

    assertThat(started.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(started.body());
    assertThat(body.get("businessDate").asText()).isEqualTo("2027-02-05");
    assertThat(body.get("status").asText()).isEqualTo("RUNNING");
    String runId = body.get("runId").asText();
    String pid = body.get("processInstanceId").asText();
    assertThat(started.headers().firstValue("Location")).hasValue(PATH + "/" + runId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey()).isEqualTo("2027-02-05");

    HttpResponse<String> whileRunning = http.postJson(PATH, "{\"businessDate\": \"2027-02-06\"}", "risk", "demo");
    assertThat(whileRunning.statusCode()).isEqualTo(409);
    assertThat(whileRunning.body()).contains("in progress");

    fixture.runJobs(pid);
    HttpResponse<String> again = http.postJson(PATH, "{\"businessDate\": \"2027-02-05\"}", "demo", "demo");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(again.body()).get("detail").asText()).contains("already completed");

    JsonNode run = json.readTree(http.get(PATH + "/" + runId, "risk", "demo").body());
    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("triggeredBy").asText()).isEqualTo("risk");
    assertThat(run.get("steps")).hasSize(6);
    assertThat(run.get("steps").get(0).get("step").asText()).isEqualTo("CLOSE_LOANS");
    assertThat(run.get("steps").get(0).get("processed").asInt()).isEqualTo(1);
    assertThat(run.get("steps").get(0).get("durationMs").isNumber()).isTrue();
    assertThat(run.get("loanErrors")).isEmpty();
  }

  @Test
  void runsAreListedNewestFirstWithTheirSteps() throws Exception {
    for (String date : List.of("2027-02-05", "2027-02-06", "2027-02-07")) {
      HttpResponse<String> started = http.postJson(PATH, "{\"businessDate\": \"" + date + "\"}", "demo", "demo");
      assertThat(started.statusCode()).isEqualTo(202);
      fixture.runJobs(json.readTree(started.body()).get("processInstanceId").asText());
    }

    HttpResponse<String> list = http.get(PATH, "auditor", "demo");

    assertThat(list.statusCode()).isEqualTo(200);
    List<String> dates = new ArrayList<>();
    json.readTree(list.body()).forEach(run -> {
      dates.add(run.get("businessDate").asText());
      assertThat(run.get("steps")).hasSize(6);
      assertThat(run.has("loanErrors")).isFalse();
    });
    assertThat(dates).containsExactly("2027-02-07", "2027-02-06", "2027-02-05");
    assertThat(json.readTree(http.get(PATH + "?limit=1", "risk", "demo").body())).hasSize(1);
    assertThat(http.get(PATH + "?limit=0", "risk", "demo").statusCode()).isEqualTo(400);
  }

  @Test
  void invalidDatesAreRefusedWith400() throws Exception {
    HttpResponse<String> future = http.postJson(PATH, "{\"businessDate\": \"2027-02-11\"}", "risk", "demo");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json.readTree(future.body()).get("errors").get(0).get("field").asText()).isEqualTo("businessDate");
    assertThat(future.body()).contains("2027-02-10");

    assertThat(http.postJson(PATH, "{}", "risk", "demo").statusCode()).isEqualTo(400);
    assertThat(http.postJson(PATH, "{\"businessDate\": \"2027-13-01\"}", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson(PATH, "{\"businessDate\": 20270201}", "risk", "demo").statusCode()).isEqualTo(400);
    assertThat(http.postJson(PATH, "{\"businessDate\": \"2027-02-01\", \"x\": 1}", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("closeOfBusiness")
        .count()).isZero();
  }

  @Test
  void onlyRiskManagersAndAdministratorsStartRunsAndStrangersGetNothing() {
    String body = "{\"businessDate\": \"2027-02-05\"}";
    assertThat(http.postJson(PATH, body).statusCode()).isEqualTo(401);
    assertThat(http.get(PATH).statusCode()).isEqualTo(401);
    // a wrong password (not a user the other tests need: Camunda then delays that user's next login)
    assertThat(http.postJson(PATH, body, "marketer", "wrong").statusCode()).isEqualTo(401);
    assertThat(http.postJson(PATH, body, "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson(PATH, body, "auditor", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson(PATH, body, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(PATH, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(PATH + "/nope", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(PATH + "/no-such-run", "risk", "demo").statusCode()).isEqualTo(404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("closeOfBusiness")
        .count()).isZero();
  }
}
