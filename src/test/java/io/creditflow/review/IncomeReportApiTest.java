package io.creditflow.review;

import static io.creditflow.review.ReviewFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/customers/{id}/income-reports} over real HTTP: the INCOME_DROP early-warning signal. */
@CreditFlowWebTest
class IncomeReportApiTest {

  static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired CustomerService customers;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;

  Http http;
  ReviewFixture fixture;
  String customerId;
  String loanNumber;

  @BeforeEach
  void aCustomerWithALoan() {
    // camunda-bpm-assert keeps the engine of whichever test class ran before: use this context's
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    http = new Http(port);
    fixture = new ReviewFixture(customers, disbursements, jdbc);
    today(TODAY.minusMonths(2));
    customerId = fixture.customer("PRIME");
    loanNumber = fixture.loan(customerId, "20000.00", "8000.00");
    today(TODAY);
  }

  @AfterEach
  void realTime() {
    fixture.parkAllReviews();
    ClockUtil.reset();
  }

  private String path() {
    return "/api/customers/" + customerId + "/income-reports";
  }

  private static String body(String reference, String income, String effectiveDate) {
    return """
        {"reportReference": "%s", "monthlyIncome": %s, "currency": "CNY", "source": "PAYROLL",
         "effectiveDate": "%s"}""".formatted(reference, income, effectiveDate);
  }

  private long reportsStored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_income_report WHERE customer_id = ?", Long.class,
        customerId);
  }

  private ProcessInstance warning() {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EarlyWarningReview.PROCESS_KEY).processInstanceBusinessKey(loanNumber).singleResult();
  }

  @Test
  void aDropOfAQuarterAgainstThePreviousReportRaisesAnEarlyWarningForTheOpenLoan() throws Exception {
    String first = "INC-" + UUID.randomUUID();
    HttpResponse<String> baseline = http.postJson(path(), body(first, "20000.00", "2027-04-30"), "channel", "demo");
    assertThat(baseline.statusCode()).as(baseline.body()).isEqualTo(201);
    JsonNode firstView = json.readTree(baseline.body());
    assertThat(firstView.path("incomeDrop").asBoolean()).isFalse();
    assertThat(firstView.has("previousIncome")).isFalse(); // no earlier figure: nothing to compare
    assertThat(warning()).isNull();

    String second = "INC-" + UUID.randomUUID();
    HttpResponse<String> dropped = http.postJson(path(), body(second, "15000.00", "2027-05-31"), "channel", "demo");

    assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(201);
    JsonNode view = json.readTree(dropped.body());
    assertThat(view.path("previousIncome").decimalValue()).isEqualByComparingTo("20000.00");
    assertThat(view.path("changeRatio").decimalValue()).isEqualByComparingTo("-0.2500");
    assertThat(view.path("incomeDrop").asBoolean()).isTrue();
    assertThat(view.path("earlyWarningsRaised")).extracting(JsonNode::asText).containsExactly(loanNumber);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(warning())
        .isWaitingAt("Task_ReviewEarlyWarning").variables()
        .containsEntry(EarlyWarningReview.SIGNALS, "INCOME_DROP");

    // the same report again: 200, the same figures, no second review
    HttpResponse<String> again = http.postJson(path(), body(second, "15000.00", "2027-05-31"), "channel", "demo");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).path("reportId").asText()).isEqualTo(view.path("reportId").asText());
    assertThat(reportsStored()).isEqualTo(2);

    JsonNode list = json.readTree(http.get(path(), "risk", "demo").body());
    assertThat(list).extracting(node -> node.path("reportReference").asText()).containsExactly(second, first);
  }

  @Test
  void aSmallerDropIsNoSignal() throws Exception {
    http.postJson(path(), body("INC-" + UUID.randomUUID(), "20000.00", "2027-04-30"), "channel", "demo");

    HttpResponse<String> answer = http.postJson(path(), body("INC-" + UUID.randomUUID(), "16500.00", "2027-05-31"),
        "channel", "demo");

    JsonNode view = json.readTree(answer.body());
    assertThat(view.path("changeRatio").decimalValue()).isEqualByComparingTo("-0.1750");
    assertThat(view.path("incomeDrop").asBoolean()).isFalse();
    assertThat(warning()).isNull();
  }

  @Test
  void theSameReferenceWithOtherFiguresIsAConflictAndChangesNothing() throws Exception {
    String reference = "INC-" + UUID.randomUUID();
    assertThat(http.postJson(path(), body(reference, "20000.00", "2027-04-30"), "channel", "demo").statusCode())
        .isEqualTo(201);

    HttpResponse<String> conflict = http.postJson(path(), body(reference, "9000.00", "2027-04-30"), "channel",
        "demo");

    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(reportsStored()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedAndStoresNothing() throws Exception {
    String reference = "INC-" + UUID.randomUUID();
    HttpResponse<String> future = http.postJson(path(), body(reference, "20000.00", "2027-06-02"), "channel", "demo");
    assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
    assertThat(json.readTree(future.body()).path("errors").get(0).path("field").asText()).isEqualTo("effectiveDate");

    for (String bad : new String[] {body(reference, "-1.00", "2027-05-01"), body(reference, "100.001", "2027-05-01"),
        body("bad reference!", "100.00", "2027-05-01"),
        body(reference, "100.00", "2027-05-01").replace("\"CNY\"", "\"yuan\""),
        body(reference, "100.00", "2027-05-01").replace("PAYROLL", "GUESS")}) {
      HttpResponse<String> answer = http.postJson(path(), bad, "channel", "demo");
      assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isEqualTo(400);
    }
    assertThat(reportsStored()).isZero();

    HttpResponse<String> unknown = http.postJson("/api/customers/" + UUID.randomUUID() + "/income-reports",
        body(reference, "100.00", "2027-05-01"), "channel", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void onlyChannelsReportAndStaffWithoutCreditRolesCannotRead() {
    String body = body("INC-" + UUID.randomUUID(), "20000.00", "2027-04-30");
    assertThat(http.postJson(path(), body).statusCode()).isEqualTo(401);
    assertThat(http.postJson(path(), body, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path(), "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(path(), "officer", "demo").statusCode()).isEqualTo(200);
    assertThat(reportsStored()).isZero();
  }
}
