package io.creditflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentService;
import io.creditflow.support.Http;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case file's contents (JSON and PDF) and the legal REST API through the real HTTP layer. */
@LegalTest
class LegalApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired DailyClose dailyClose;
  @Autowired PaymentService payments;
  @Autowired LoanQueries loans;
  @Autowired LegalService legal;
  @Autowired NotificationService notifications;
  @Autowired ObjectMapper json;

  Http http;
  LegalFixture f;
  String loanNumber;
  List<String> paymentRefs = new ArrayList<>();
  ProcessInstance pi;
  String caseId;

  @BeforeEach
  void aCaseWithHistory() {
    http = new Http(port);
    f = new LegalFixture(engine, disbursements, customers, dailyClose, payments, loans, legal);
    loanNumber = f.pastDueLoan();
    paymentRefs.add(f.pay(loanNumber, "100.00").payment().paymentReference());
    paymentRefs.add(f.pay(loanNumber, "200.50").payment().paymentReference());
    String customerId = f.loan(loanNumber).getCustomerId();
    notifications.enqueue(NotificationRequest.of("legal-test:" + loanNumber, "PAYMENT_REMINDER",
        NotificationChannel.SMS, customerId, "loan", loanNumber, "servicing.payment-reminder",
        Map.of("loanNumber", loanNumber), "zh-CN"));
    // the hand-over a minute later: payments before it are no recoveries
    ClockUtil.setCurrentTime(java.util.Date.from(LegalFixture.at(f.today).plusSeconds(60)));
    pi = f.handOver(loanNumber);
    caseId = f.caseId(pi);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theCaseFileHoldsEveryPaymentContactAndNoticeAsJson() throws Exception {
    HttpResponse<String> response = http.get("/api/legal-cases/" + caseId + "/case-file", "lawyer", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode file = json.readTree(response.body());
    assertThat(file.path("loanNumber").asText()).isEqualTo(loanNumber);
    assertThat(file.path("borrower").path("fullName").asText()).isEqualTo("王芳 Wang Fang");
    assertThat(file.path("borrower").path("nationalId").asText()).startsWith("LG").contains("*");
    assertThat(response.body()).doesNotContain("+8613800138000").doesNotContain("wang@example.com");
    assertThat(file.path("contract").path("principal").decimalValue()).isEqualByComparingTo("12000.00");
    assertThat(file.path("schedule")).hasSize(12);
    List<String> refs = new ArrayList<>();
    file.path("payments").forEach(p -> refs.add(p.path("paymentReference").asText()));
    assertThat(refs).containsExactlyInAnyOrderElementsOf(paymentRefs);
    int contacts = history.of(loanNumber).contacts().size();
    assertThat(file.path("contacts")).hasSize(contacts);
    assertThat(contacts).isGreaterThanOrEqualTo(1);
    assertThat(file.path("notices")).anySatisfy(n ->
        assertThat(n.path("template").asText()).isEqualTo("servicing.payment-reminder"));
    assertThat(file.path("creditDecision").path("note").asText()).contains("no application on file");

    // stored: a later payment does not change what the lawyer saw
    f.pay(loanNumber, "50.00");
    JsonNode again = json.readTree(http.get("/api/legal-cases/" + caseId + "/case-file", "lawyer", "demo").body());
    assertThat(again.path("payments")).hasSize(2);
  }

  @Test
  void theCaseFileIsAPdfWithThePaymentsInIt() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/api/legal-cases/" + caseId + "/case-file"))
        .header("Authorization", Http.basic("auditor", "demo")).header("Accept", "application/pdf").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("application/pdf"));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(loanNumber).contains(paymentRefs.get(0)).contains(paymentRefs.get(1))
          .contains("\\u738B\\u82B3 Wang Fang").contains("servicing.payment-reminder");
    }
  }

  @Test
  void theCaseShowsStatusStepsCostsAndRecoveries() throws Exception {
    HttpResponse<String> response = http.get("/api/legal-cases/" + caseId, "risk", "demo");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(response.body());
    assertThat(view.path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(view.path("steps").get(0).path("kind").asText()).isEqualTo("OPENED");
    assertThat(view.path("steps").get(1).path("kind").asText()).isEqualTo("CASE_FILE");
    assertThat(view.path("costs").decimalValue()).isEqualByComparingTo("0");
    assertThat(view.path("recoveries")).isEmpty();
    f.pay(loanNumber, "75.00");
    JsonNode byLoan = json.readTree(http.get("/api/loans/" + loanNumber + "/legal-case", "auditor", "demo").body());
    assertThat(byLoan.path("caseId").asText()).isEqualTo(caseId);
    assertThat(byLoan.path("recovered").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(byLoan.path("steps")).anySatisfy(s -> assertThat(s.path("kind").asText()).isEqualTo("PAYMENT"));
  }

  @Test
  void settlementAcceptanceIsIdempotentAndOnlyWhileAnOfferIsOpen() throws Exception {
    String path = "/api/legal-cases/" + caseId + "/settlement-acceptance";
    assertThat(http.postJson(path, "{\"acceptanceReference\":\"ACC-9\"}", "channel", "demo").statusCode())
        .isEqualTo(409);
    Map<String, Object> vars = new HashMap<>();
    vars.put(LegalProcess.DECISION, "SETTLEMENT");
    vars.put(LegalProcess.SETTLEMENT_AMOUNT, 6000);
    vars.put(LegalProcess.SETTLEMENT_DEADLINE, "2027-05-01");
    f.complete(pi, "lawyer", vars);

    assertThat(http.postJson(path, "{\"acceptanceReference\":\"bad ref!\"}", "channel", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson(path, "{}", "channel", "demo").statusCode()).isEqualTo(400);
    HttpResponse<String> first = http.postJson(path, "{\"acceptanceReference\":\"ACC-9\"}", "channel", "demo");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json.readTree(first.body()).path("status").asText()).isEqualTo("SETTLEMENT_ACCEPTED");
    assertThat(http.postJson(path, "{\"acceptanceReference\":\"ACC-9\"}", "channel", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.postJson(path, "{\"acceptanceReference\":\"ACC-10\"}", "channel", "demo").statusCode())
        .isEqualTo(409);
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId("Event_AcceptedDeadline").count()).isEqualTo(1);
  }

  @Test
  void accessIsForLegalRiskComplianceAndAdministratorsAndUnknownCasesAre404() {
    String path = "/api/legal-cases/" + caseId;
    assertThat(http.get(path).statusCode()).isEqualTo(401);
    assertThat(http.get(path, "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path + "/case-file", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson(path + "/settlement-acceptance", "{\"acceptanceReference\":\"A\"}", "lawyer", "demo")
        .statusCode()).isEqualTo(403);
    assertThat(http.get(path, "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/legal-cases/no-such-case", "lawyer", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/legal-cases/no-such-case/case-file", "lawyer", "demo").statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/legal-cases/no-such-case/settlement-acceptance",
        "{\"acceptanceReference\":\"A\"}", "channel", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/loans/LN0000000000/legal-case", "lawyer", "demo").statusCode()).isEqualTo(404);
  }

  @Autowired io.creditflow.contact.ContactHistoryService history;
}
