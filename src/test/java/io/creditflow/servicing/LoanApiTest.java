package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/loans} and {@code /api/credit-lines} over real HTTP: every answer a caller can get. */
@CreditFlowWebTest
class LoanApiTest {

  private static final LocalDate DISBURSED = LocalDate.of(2027, 1, 31);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DisbursementService disbursements;
  @Autowired LedgerDailyClose close;
  @Autowired LoanRepository loans;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String loanNumber;
  String deployment;

  @BeforeEach
  void aLoan() {
    http = new Http(port);
    Ledger.today(DISBURSED);
    loanNumber = Ledger.loan(disbursements, "1200.00", "0.12", 12);
    close.closeDay(loanNumber, LocalDate.of(2027, 3, 1));
    Ledger.today(LocalDate.of(2027, 3, 2));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
  }

  private String path() {
    return "/api/loans/" + loanNumber + "/payments";
  }

  private ObjectNode payment(String amount) throws Exception {
    return (ObjectNode) json.readTree("""
        {"paymentReference": "PAY-%s", "amount": %s, "valueDate": "2027-03-02", "channel": "PAYMENT_GATEWAY"}"""
        .formatted(UUID.randomUUID(), amount));
  }

  private long paymentsStored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_payment WHERE loan_number = ?", Long.class, loanNumber);
  }

  @Test
  void aPaymentIsBookedWithItsAllocationAndARepeatAnswersTheSame() throws Exception {
    ObjectNode body = payment("50.00");

    HttpResponse<String> created = http.postJson(path(), body.toString(), "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = json.readTree(created.body());
    assertThat(answer.path("paymentReference").asText()).isEqualTo(body.path("paymentReference").asText());
    assertThat(answer.path("amount").decimalValue()).isEqualByComparingTo("50.00");
    JsonNode allocation = answer.path("allocation");
    // 0.10 penalty (2 days), 12.00 interest, 37.90 principal of the first instalment
    assertThat(allocation.path("penalty").decimalValue()).isEqualByComparingTo("0.10");
    assertThat(allocation.path("interest").decimalValue()).isEqualByComparingTo("12.00");
    assertThat(allocation.path("principal").decimalValue()).isEqualByComparingTo("37.90");
    assertThat(allocation.path("prepaidPrincipal").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(allocation.path("lines")).hasSize(1);
    assertThat(allocation.path("lines").get(0).path("sequenceNumber").asInt()).isEqualTo(1);
    assertThat(allocation.path("lines").get(0).path("dueDate").asText()).isEqualTo("2027-02-28");
    assertThat(answer.path("loan").path("balance").decimalValue()).isEqualByComparingTo("1162.10");
    assertThat(answer.path("loan").path("daysPastDue").asInt()).isEqualTo(2);
    assertThat(answer.path("loan").path("status").asText()).isEqualTo("DELINQUENT");

    HttpResponse<String> repeated = http.postJson(path(), body.toString(), "demo", "demo");
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(json.readTree(repeated.body())).isEqualTo(answer);

    body.put("amount", 50.01);
    HttpResponse<String> conflict = http.postJson(path(), body.toString(), "channel", "demo");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(conflict.body()).path("detail").asText())
        .contains(body.path("paymentReference").asText());
    assertThat(paymentsStored()).isEqualTo(1);
  }

  @Test
  void badPaymentsAreRefusedWithProblemDetailsAndStoreNothing() throws Exception {
    List<ObjectNode> bad = new ArrayList<>();
    bad.add(payment("0"));
    bad.add(payment("-5.00"));
    bad.add(payment("10.001"));
    bad.add(payment("1212.11")); // owed: 1,200.00 + 12.00 + 0.10
    ObjectNode future = payment("10.00");
    future.put("valueDate", "2027-03-03");
    bad.add(future);
    ObjectNode malformedDate = payment("10.00");
    malformedDate.put("valueDate", "2027-02-30");
    bad.add(malformedDate);
    ObjectNode numericDate = payment("10.00");
    numericDate.put("valueDate", 20270302);
    bad.add(numericDate);
    ObjectNode missing = payment("10.00");
    missing.remove("paymentReference");
    bad.add(missing);
    ObjectNode channel = payment("10.00");
    channel.put("channel", "CARRIER_PIGEON");
    bad.add(channel);
    ObjectNode amountAsText = payment("10.00");
    amountAsText.put("amount", "10.00");
    bad.add(amountAsText);
    ObjectNode unknownField = payment("10.00");
    unknownField.put("customerName", "x");
    bad.add(unknownField);

    for (ObjectNode body : bad) {
      HttpResponse<String> response = http.postJson(path(), body.toString(), "channel", "demo");
      assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("detail").asText()).isNotBlank();
    }
    JsonNode beyond = json.readTree(http.postJson(path(), bad.get(3).toString(), "channel", "demo").body());
    assertThat(beyond.path("errors").get(0).path("field").asText()).isEqualTo("amount");
    assertThat(beyond.path("errors").get(0).path("message").asText()).contains("1212.10");
    JsonNode inFuture = json.readTree(http.postJson(path(), future.toString(), "channel", "demo").body());
    assertThat(inFuture.path("errors").get(0).path("field").asText()).isEqualTo("valueDate");
    assertThat(paymentsStored()).isZero();
    assertThat(loans.findById(loanNumber).orElseThrow().getOutstandingPrincipal()).isEqualByComparingTo("1200.00");
  }

  @Test
  void unknownLoansAreNotFoundAndOnlyChannelsMayPay() throws Exception {
    String body = payment("10.00").toString();
    HttpResponse<String> unknown = http.postJson("/api/loans/LN0000000000ZZ/payments", body, "channel", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).path("detail").asText()).contains("LN0000000000ZZ");
    assertThat(http.get("/api/loans/LN0000000000ZZ", "channel", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/credit-lines/" + UUID.randomUUID(), "channel", "demo").statusCode()).isEqualTo(404);

    assertThat(http.postJson(path(), body).statusCode()).isEqualTo(401);
    assertThat(http.postJson(path(), body, "nobody", "wrong").statusCode()).isEqualTo(401);
    assertThat(http.postJson(path(), body, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson(path(), body, "officer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/loans/" + loanNumber).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/loans/" + loanNumber, "marketer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/loans/" + loanNumber, "handler", "demo").statusCode()).isEqualTo(403);
    assertThat(paymentsStored()).isZero();
  }

  @Test
  void readersSeeTheLoanItsSchedulePaymentsAndProcessesAndItsCreditLine() throws Exception {
    deployment = repository.createDeployment().addModelInstance("loan-api-wait.bpmn",
        Bpmn.createExecutableProcess("loanApiWaitTest").camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent().message("SomethingElse").endEvent().done()).deploy().getId();
    String processInstanceId = runtime.startProcessInstanceByKey("loanApiWaitTest", loanNumber).getId();
    http.postJson(path(), payment("20.00").toString(), "channel", "demo");

    for (String reader : List.of("channel", "demo", "officer", "manager", "collector", "senior", "lawyer", "risk",
        "auditor")) {
      assertThat(http.get("/api/loans/" + loanNumber, reader, "demo").statusCode()).as(reader).isEqualTo(200);
    }
    JsonNode loan = json.readTree(http.get("/api/loans/" + loanNumber, "collector", "demo").body());
    assertThat(loan.path("loanNumber").asText()).isEqualTo(loanNumber);
    assertThat(loan.path("status").asText()).isEqualTo("DELINQUENT");
    assertThat(loan.path("daysPastDue").asInt()).isEqualTo(2);
    assertThat(loan.path("balance").path("outstandingPrincipal").decimalValue()).isEqualByComparingTo("1192.10");
    assertThat(loan.path("balance").path("outstandingInterest").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(loan.path("balance").path("total").decimalValue()).isEqualByComparingTo("1192.10");
    assertThat(loan.path("schedule")).hasSize(12);
    JsonNode first = loan.path("schedule").get(0);
    assertThat(first.path("status").asText()).isEqualTo("OVERDUE");
    assertThat(first.path("paid").asBoolean()).isFalse();
    assertThat(first.path("principalPaid").decimalValue()).isEqualByComparingTo("7.90");
    assertThat(first.path("unpaid").decimalValue()).isEqualByComparingTo("86.72");
    assertThat(loan.path("schedule").get(1).path("status").asText()).isEqualTo("DUE");
    assertThat(loan.path("payments")).hasSize(1);
    assertThat(loan.path("payments").get(0).path("allocation").path("penalty").decimalValue())
        .isEqualByComparingTo("0.10");
    assertThat(loan.path("processes")).hasSize(1);
    assertThat(loan.path("processes").get(0).path("processDefinitionKey").asText()).isEqualTo("loanApiWaitTest");
    assertThat(loan.path("processes").get(0).path("processInstanceId").asText()).isEqualTo(processInstanceId);

    String lineId = loan.path("creditLineId").asText();
    HttpResponse<String> read = http.get("/api/credit-lines/" + lineId, "risk", "demo");
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode line = json.readTree(read.body());
    assertThat(line.path("creditLimit").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(line.path("availableAmount").decimalValue()).isEqualByComparingTo("8807.90");
    assertThat(line.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(line.path("limitHistory")).hasSize(1);
    assertThat(line.path("limitHistory").get(0).path("reason").asText()).isEqualTo("OPENED");
    assertThat(line.path("limitHistory").get(0).path("newLimit").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(http.get("/api/credit-lines/" + lineId, "marketer", "demo").statusCode()).isEqualTo(403);
  }

  @Test
  void concurrentIdenticalRequestsStoreOnePayment() throws Exception {
    String body = payment("40.00").toString();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(
          () -> http.postJson(path(), body, "channel", "demo"),
          () -> http.postJson(path(), body, "channel", "demo"),
          () -> http.postJson(path(), body, "channel", "demo")));
      List<Integer> codes = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        codes.add(answer.get().statusCode());
      }
      assertThat(codes).containsExactlyInAnyOrder(201, 200, 200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(paymentsStored()).isEqualTo(1);
    assertThat(loans.findById(loanNumber).orElseThrow().getOutstandingPrincipal()).isEqualByComparingTo("1172.10");
  }
}
