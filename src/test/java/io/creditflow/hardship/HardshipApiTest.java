package io.creditflow.hardship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/loans/{loanNumber}/hardship-requests} and {@code /api/hardship-requests/{id}} over real HTTP. */
@HardshipTest
class HardshipApiTest {

  private static final String BODY = """
      {"reason": "ILLNESS", "note": "In hospital since May", "requestedExtensionMonths": 6,
       "proposedInstalment": 600.00}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String loanNumber;

  @BeforeEach
  void aLoan() {
    http = new Http(port);
    Loans.today(LocalDate.of(2027, 1, 31));
    loanNumber = Loans.loan(disbursements, customers);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String path() {
    return "/api/loans/" + loanNumber + "/hardship-requests";
  }

  private long requestsStored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_hardship_request WHERE loan_number = ?", Long.class,
        loanNumber);
  }

  @Test
  void aRequestStartsTheAssessmentAndCanBeRead() throws Exception {
    HttpResponse<String> created = http.postJson(path(), BODY, "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode answer = json.readTree(created.body());
    String id = answer.path("requestId").asText();
    assertThat(answer.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/hardship-requests/" + id);
    String instance = answer.path("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance)
        .processDefinitionKey(ProcessKeys.HARDSHIP_ASSESSMENT).processInstanceBusinessKey(loanNumber).count())
        .isEqualTo(1);
    management.createJobQuery().processInstanceId(instance).list()
        .forEach(job -> management.executeJob(job.getId()));

    for (String user : List.of("channel", "officer", "manager", "collector", "risk", "auditor", "demo")) {
      HttpResponse<String> read = http.get("/api/hardship-requests/" + id, user, "demo");
      assertThat(read.statusCode()).as(user + ": " + read.body()).isEqualTo(200);
    }
    JsonNode view = json.readTree(http.get("/api/hardship-requests/" + id, "officer", "demo").body());
    assertThat(view.path("loanNumber").asText()).isEqualTo(loanNumber);
    assertThat(view.path("reason").asText()).isEqualTo("ILLNESS");
    assertThat(view.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(view.path("options").path("remainingMonths").asInt()).isEqualTo(12);
    assertThat(view.path("options").path("termExtension").path("newRemainingMonths").asInt()).isEqualTo(18);
    assertThat(view.path("options").path("termExtension").path("newInstalment").decimalValue())
        .isEqualByComparingTo("731.78");
    assertThat(view.path("options").path("reducedInstalmentPossible").asBoolean()).isTrue();
    assertThat(view.path("options").path("reducedInstalment").path("extensionMonths").asInt()).isEqualTo(11);
    assertThat(view.has("decision")).isFalse(); // nulls are left out
  }

  @Test
  void aSecondRequestWhileOneIsOpenIsAConflict() throws Exception {
    assertThat(http.postJson(path(), BODY, "channel", "demo").statusCode()).isEqualTo(202);

    HttpResponse<String> second = http.postJson(path(), BODY, "channel", "demo");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(second.body()).path("detail").asText()).contains("open hardship request");
    assertThat(requestsStored()).isEqualTo(1);
  }

  @Test
  void aSettledOrWrittenOffLoanIsAConflict() {
    for (String status : List.of("SETTLED", "WRITTEN_OFF")) {
      jdbc.update("UPDATE cf_loan SET status = ? WHERE loan_number = ?", status, loanNumber);
      HttpResponse<String> answer = http.postJson(path(), BODY, "channel", "demo");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    }
    assertThat(requestsStored()).isZero();
  }

  @Test
  void unknownLoansAndRequestsAreNotFound() {
    assertThat(http.postJson("/api/loans/LN0000000000XX/hardship-requests", BODY, "channel", "demo").statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/hardship-requests/no-such-request", "channel", "demo").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedAndStoresNothing() {
    List<String> bad = List.of(
        "{\"requestedExtensionMonths\": 6}",
        "{\"reason\": \"BORED\", \"requestedExtensionMonths\": 6}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 0}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 25}",
        "{\"reason\": \"ILLNESS\"}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 6, \"proposedInstalment\": -1}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 6, \"proposedInstalment\": 10.001}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 6, \"note\": \"" + "x".repeat(501) + "\"}",
        "{\"reason\": \"ILLNESS\", \"requestedExtensionMonths\": 6, \"unknown\": 1}");
    for (String body : bad) {
      HttpResponse<String> answer = http.postJson(path(), body, "channel", "demo");
      assertThat(answer.statusCode()).as(body + " -> " + answer.body()).isEqualTo(400);
    }
    assertThat(requestsStored()).isZero();
  }

  @Test
  void callersMustAuthenticateAndBeAllowed() {
    assertThat(http.postJson(path(), BODY).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/hardship-requests/x").statusCode()).isEqualTo(401);
    for (String user : List.of("officer", "collector", "risk")) {
      assertThat(http.postJson(path(), BODY, user, "demo").statusCode()).as(user).isEqualTo(403);
    }
    for (String user : List.of("lawyer", "marketer", "handler")) {
      assertThat(http.get("/api/hardship-requests/x", user, "demo").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(requestsStored()).isZero();
  }
}
