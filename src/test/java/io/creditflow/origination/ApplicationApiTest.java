package io.creditflow.origination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/applications} over real HTTP: every answer a channel can get. */
@CreditFlowWebTest
class ApplicationApiTest {

  private static final String PATH = "/api/applications";

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Autowired
  LoanApplicationRepository applications;

  @Autowired
  RuntimeService runtime;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** The example of the API documentation, with a fresh external reference and customer. */
  ObjectNode validBody() throws Exception {
    ObjectNode body = (ObjectNode) json.readTree("""
        { "externalReference": "APP-2026-000123", "channel": "MOBILE_APP", "campaignCode": null,
          "applicant": { "nationalId": "SANDBOX-PRIME-0001", "fullName": "Li Wei", "dateOfBirth": "1990-04-12",
                         "mobile": "+8613800138000", "email": "li.wei@example.com", "monthlyIncome": 18000.00,
                         "employmentMonths": 48, "monthlyDebtPayments": 1500.00, "dependants": 1 },
          "requestedAmount": 50000.00, "termMonths": 24, "purpose": "HOME_RENOVATION" }""");
    body.put("externalReference", "APP-" + UUID.randomUUID());
    ((ObjectNode) body.get("applicant")).put("nationalId", OriginationProcessTest.nationalId("PRIME"));
    return body;
  }

  @Test
  void aNewApplicationIsAcceptedWithItsLocationAndAProcess() throws Exception {
    ObjectNode body = validBody();
    HttpResponse<String> response = http.postJson(PATH, body.toString(), "channel", "demo");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode created = json.readTree(response.body());
    String id = created.path("applicationId").asText();
    assertThat(response.headers().firstValue("Location")).hasValue("/api/applications/" + id);
    assertThat(created.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(created.path("processInstanceId").asText())
        .processInstanceBusinessKey(id).count()).isEqualTo(1);

    JsonNode read = json.readTree(http.get(PATH + "/" + id, "channel", "demo").body());
    assertThat(read.path("externalReference").asText()).isEqualTo(body.path("externalReference").asText());
    assertThat(read.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(read.path("requestedAmount").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(read.path("currency").asText()).isEqualTo("CNY");
    assertThat(read.toString()).doesNotContain("SANDBOX").doesNotContain("li.wei").doesNotContain("8613800138000");
    assertThat(http.get(PATH + "/" + id, "officer", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theSameReferenceAndBodyIsIdempotentADifferentBodyIsAConflict() throws Exception {
    ObjectNode body = validBody();
    String first = json.readTree(http.postJson(PATH, body.toString(), "channel", "demo").body())
        .path("applicationId").asText();
    long stored = applications.count();

    HttpResponse<String> again = http.postJson(PATH, body.toString(), "channel", "demo");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).path("applicationId").asText()).isEqualTo(first);

    body.put("requestedAmount", 50000); // the same amount written differently is the same request
    assertThat(http.postJson(PATH, body.toString(), "channel", "demo").statusCode()).isEqualTo(200);

    body.put("requestedAmount", 60000);
    HttpResponse<String> conflict = http.postJson(PATH, body.toString(), "channel", "demo");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json.readTree(conflict.body()).path("detail").asText()).contains(body.path("externalReference").asText());
    assertThat(applications.count()).isEqualTo(stored);
  }

  @Test
  void concurrentSubmissionsAreSafe() throws Exception {
    ObjectNode same = validBody();
    ObjectNode sameCustomer = validBody();
    ((ObjectNode) sameCustomer.get("applicant")).put("nationalId", same.path("applicant").path("nationalId").asText());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = pool.invokeAll(java.util.List.of(
          () -> http.postJson(PATH, same.toString(), "channel", "demo"),
          () -> http.postJson(PATH, same.toString(), "channel", "demo"),
          () -> http.postJson(PATH, sameCustomer.toString(), "channel", "demo")));
      java.util.List<Integer> codes = new java.util.ArrayList<>();
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var answer : answers) {
        codes.add(answer.get().statusCode());
        ids.add(json.readTree(answer.get().body()).path("applicationId").asText());
      }
      // the same request twice is one application; the same new customer's second application is stored too
      assertThat(codes).allSatisfy(code -> assertThat(code).isIn(200, 202));
      assertThat(codes).filteredOn(code -> code == 202).hasSize(2);
      assertThat(ids).hasSize(2);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void invalidInputIsAProblemAndNothingIsStoredOrStarted() throws Exception {
    assertInvalid(b -> b.remove("externalReference"), "externalReference");
    assertInvalid(b -> b.put("requestedAmount", 0), "requestedAmount");
    assertInvalid(b -> b.put("requestedAmount", -5), "requestedAmount");
    assertInvalid(b -> b.put("requestedAmount", 500000.01), "requestedAmount");
    assertInvalid(b -> b.put("requestedAmount", 999), "requestedAmount");
    assertInvalid(b -> b.put("requestedAmount", new java.math.BigDecimal("50000.123")), "requestedAmount");
    assertInvalid(b -> b.put("termMonths", 48), "termMonths");
    assertInvalid(b -> applicant(b).put("dateOfBirth", java.time.LocalDate.now().minusYears(17).toString()),
        "applicant.dateOfBirth");
    assertInvalid(b -> applicant(b).put("dateOfBirth", "1990-13-45"), "applicant.dateOfBirth");
    assertInvalid(b -> applicant(b).put("mobile", "12345"), "applicant.mobile");
    assertInvalid(b -> applicant(b).put("email", "not-an-email"), "applicant.email");
    assertInvalid(b -> applicant(b).put("monthlyIncome", new java.math.BigDecimal("18000.001")),
        "applicant.monthlyIncome");
    assertInvalid(b -> applicant(b).remove("nationalId"), "applicant.nationalId");
    assertInvalid(b -> b.put("channel", "FAX"), "channel");
    assertInvalid(b -> b.put("purpose", "GAMBLING"), "purpose");
    assertInvalid(b -> b.remove("applicant"), "applicant");
    assertInvalid(b -> b.put("termMonths", "24"), "termMonths");
  }

  @Test
  void onlyChannelsSubmitAndUnknownApplicationsAreNotFound() throws Exception {
    String body = validBody().toString();
    assertThat(http.postJson(PATH, body).statusCode()).isEqualTo(401);
    assertThat(http.postJson(PATH, body, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson(PATH, body, "officer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(PATH + "/" + UUID.randomUUID(), "collector", "demo").statusCode()).isEqualTo(403);

    HttpResponse<String> missing = http.get(PATH + "/no-such-application", "channel", "demo");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).path("detail").asText()).contains("no-such-application");
  }

  @Test
  void answersAndDocumentsOnlyWhenTheProcessWaitsForThem() throws Exception {
    String id = json.readTree(http.postJson(PATH, validBody().toString(), "channel", "demo").body())
        .path("applicationId").asText();

    HttpResponse<String> early = http.postJson(PATH + "/" + id + "/acceptance", "{\"accepted\": true}",
        "channel", "demo");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(json.readTree(early.body()).path("detail").asText()).contains("RECEIVED");
    assertThat(http.postJson(PATH + "/" + id + "/documents",
        "{\"documents\": [{\"type\": \"PAYSLIP\", \"reference\": \"dms://1\"}]}", "channel", "demo").statusCode())
        .isEqualTo(409);

    assertThat(http.postJson(PATH + "/" + id + "/acceptance", "{}", "channel", "demo").statusCode()).isEqualTo(400);
    assertThat(http.postJson(PATH + "/" + id + "/documents", "{\"documents\": []}", "channel", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson(PATH + "/unknown/acceptance", "{\"accepted\": true}", "channel", "demo").statusCode())
        .isEqualTo(404);
  }

  private static ObjectNode applicant(ObjectNode body) {
    return (ObjectNode) body.get("applicant");
  }

  private void assertInvalid(Consumer<ObjectNode> breakIt, String field) throws Exception {
    ObjectNode body = validBody();
    breakIt.accept(body);
    long stored = applications.count();
    long processes = runtime.createProcessInstanceQuery().processDefinitionKey("loanOrigination").count();

    HttpResponse<String> response = http.postJson(PATH, body.toString(), "channel", "demo");

    assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("errors").findValuesAsText("field")).as(response.body()).contains(field);
    assertThat(applications.count()).isEqualTo(stored);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("loanOrigination").count())
        .isEqualTo(processes);
  }
}
