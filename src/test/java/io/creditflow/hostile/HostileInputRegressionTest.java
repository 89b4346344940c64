package io.creditflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The requests {@link HostileInputPropertyTest} found failing, pinned as examples (each was a 5xx or a partial write). */
@CreditFlowWebTest
class HostileInputRegressionTest {

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWriteWhoseAnswerTheCallerCannotAcceptIsRefusedBeforeItRuns() throws Exception {
    HttpResponse<String> response = send("PUT", "/api/admin/clock", "application/json", "text/html",
        "{\"now\": \"2031-01-31T09:00:00+08:00\"}", "demo");
    assertProblem(response, 406);
    assertThat(ClockUtil.getCurrentTime().toInstant().toString()).doesNotStartWith("2031-01-31");

    assertProblem(send("POST", "/api/complaints", "application/json", "garbage", "{}", "channel"), 406);
  }

  @Test
  void aWildcardOrMissingBoundaryContentTypeIsA4xx() throws Exception {
    assertProblem(send("PUT", "/api/customers/x1/time-zone", "application/*", null, "{\"timeZone\":\"UTC\"}",
        "channel"), 415);
    assertProblem(send("POST", "/api/inspections", "multipart/form-data", null, "{\"sampleSize\":1}", "risk"), 400);
  }

  @Test
  void aRepeatedKeyIsA400() throws Exception {
    HttpResponse<String> response = send("POST", "/api/legal-cases/x1/settlement-acceptance", "application/json",
        null, "{\"acceptanceReference\":true,\"acceptanceReference\":\"A-1\"}", "channel");
    assertProblem(response, 400);
    assertThat(json.readTree(response.body()).path("detail").asText()).contains("Malformed JSON");
  }

  @Test
  void aDateBefore1900IsA400() throws Exception {
    // stored as another day by JDBC, so the idempotent repeat of the report answered 409 (seed 1323940608184819976)
    HttpResponse<String> response = send("POST", "/api/customers/x1/income-reports", "application/json", null,
        "{\"reportReference\":\"HX1\",\"monthlyIncome\":1000.00,\"currency\":\"CNY\",\"source\":\"EMPLOYER\","
            + "\"effectiveDate\":\"0000-01-01\"}", "channel");
    assertProblem(response, 400);
    assertThat(response.body()).contains("effectiveDate");
  }

  @Test
  void aPathTheFirewallRejectsIsAProblem() throws Exception {
    assertProblem(http.get("/api/admin/clock/..", "demo", "demo"), 400);
    assertProblem(http.get("/api/loans/a;b=c", "channel", "demo"), 400);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String accept, String body,
      String user) {
    HttpRequest.Builder request = http.request(path, user, "demo")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.setHeader("Accept", accept);
    }
    return http.send(request);
  }

  private void assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(status);
  }
}
