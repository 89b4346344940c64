package io.creditflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/loans/{loanNumber}/fund-usage} over real HTTP: every answer a caller can get. */
@CreditFlowWebTest
class FundUsageApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DisbursementService disbursements;
  @Autowired FundUsageReportRepository reports;
  @Autowired RuntimeService runtime;

  Http http;
  String loanNumber;

  @BeforeEach
  void aLoan() {
    http = new Http(port);
    FundUsageInvestigationTest.today(FundUsageInvestigationTest.DISBURSED);
    loanNumber = FundUsageInvestigationTest.loan(disbursements);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static String body(String reference, String category, String amount) {
    return """
        {"reportReference": "%s", "merchantCategory": "%s", "counterparty": "Lucky Star Casino Ltd",
         "amount": %s, "occurredAt": "2027-01-31T09:15:00+08:00"}""".formatted(reference, category, amount);
  }

  private HttpResponse<String> post(String loan, String body, String... user) {
    return http.postJson("/api/loans/" + loan + "/fund-usage", body, user);
  }

  @Test
  void aProhibitedUseIs201WithItsInvestigationAndARepeatIs200() throws Exception {
    String reference = "NET-" + UUID.randomUUID();

    HttpResponse<String> created = post(loanNumber, body(reference, "GAMBLING", "300.00"), "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = json.readTree(created.body());
    assertThat(answer.path("reportReference").asText()).isEqualTo(reference);
    assertThat(answer.path("loanNumber").asText()).isEqualTo(loanNumber);
    assertThat(answer.path("classification").asText()).isEqualTo("PROHIBITED");
    assertThat(answer.path("reasonCode").asText()).isEqualTo("FU_GAMBLING");
    assertThat(answer.path("amount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(answer.path("occurredAt").asText()).isEqualTo("2027-01-31T09:15:00+08:00");
    assertThat(answer.has("counterparty")).isFalse();
    String processInstanceId = answer.path("investigationProcessInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey()).isEqualTo(reference);

    HttpResponse<String> repeated = post(loanNumber, body(reference, "GAMBLING", "300"), "demo", "demo");
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(json.readTree(repeated.body())).isEqualTo(answer);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

    HttpResponse<String> conflict = post(loanNumber, body(reference, "GAMBLING", "301.00"), "channel", "demo");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void anAllowedUseIs201WithoutInvestigation() throws Exception {
    HttpResponse<String> created = post(loanNumber, body("NET-" + UUID.randomUUID(), "TRAVEL", "300.00"),
        "channel", "demo");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode answer = json.readTree(created.body());
    assertThat(answer.path("classification").asText()).isEqualTo("ALLOWED");
    assertThat(answer.path("investigationProcessInstanceId").isTextual()).isFalse();
  }

  @Test
  void unknownLoansAre404AndBadInputIs400AndStoresNothing() throws Exception {
    long before = reports.count();
    assertThat(post("LN0000000000ZZ", body("NET-" + UUID.randomUUID(), "RETAIL", "1.00"), "channel", "demo")
        .statusCode()).isEqualTo(404);
    assertThat(post("nonsense", body("NET-" + UUID.randomUUID(), "RETAIL", "1.00"), "channel", "demo")
        .statusCode()).isEqualTo(404);

    List<String> bad = List.of(
        body("NET-1", "FOOD", "1.00"),
        body("NET 1", "RETAIL", "1.00"),
        body("NET-1", "RETAIL", "0"),
        body("NET-1", "RETAIL", "1.001"),
        body("NET-1", "RETAIL", "\"1.00\""),
        body("NET-1", "RETAIL", "1.00").replace("Lucky Star Casino Ltd", "x".repeat(101)),
        body("NET-1", "RETAIL", "1.00").replace("2027-01-31T09:15:00+08:00", "2027-02-01T09:15:00+08:00"),
        body("NET-1", "RETAIL", "1.00").replace("2027-01-31T09:15:00+08:00", "2027-01-30T09:15:00+08:00"),
        body("NET-1", "RETAIL", "1.00").replace("\"counterparty\": \"Lucky Star Casino Ltd\",", ""),
        body("NET-1", "RETAIL", "1.00").replace("}", ", \"extra\": 1}"));
    for (String request : bad) {
      HttpResponse<String> response = post(loanNumber, request, "channel", "demo");
      assertThat(response.statusCode()).as(request + " → " + response.body()).isEqualTo(400);
      assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(400);
    }
    assertThat(reports.count()).isEqualTo(before);
  }

  @Test
  void onlyChannelsAndAdminsMayReport() {
    String request = body("NET-" + UUID.randomUUID(), "RETAIL", "1.00");
    assertThat(post(loanNumber, request).statusCode()).isEqualTo(401);
    assertThat(post(loanNumber, request, "risk", "demo").statusCode()).isEqualTo(403);
    assertThat(post(loanNumber, request, "officer", "demo").statusCode()).isEqualTo(403);
  }
}
