package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/bureau-reports} and {@code POST /api/bureau-reports/exports} over real HTTP: JSON and CSV, range
 * validation, who may call, and the idempotent export. Each test works on as-of dates of its own.
 */
@CreditFlowWebTest
class BureauReportApiTest {

  private static final LocalDate BOOKED = LocalDate.of(2027, 1, 31);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired BureauReporting reporting;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String a;
  String b;

  @BeforeEach
  void twoLoans() {
    http = new Http(port);
    BureauTestLoans.today(BOOKED);
    List<String> loans = new ArrayList<>(List.of(BureauTestLoans.loan(disbursements),
        BureauTestLoans.loan(disbursements)));
    loans.sort(null);
    a = loans.get(0);
    b = loans.get(1);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void jsonListsTheRangeByAsOfDateThenLoanWithoutPersonalData() throws Exception {
    LocalDate day = LocalDate.of(2031, 1, 10);
    reporting.report(b, BureauReportKind.DPD_30, day, null);
    reporting.report(a, BureauReportKind.DPD_60, day.plusDays(1), "second day");
    reporting.report(a, BureauReportKind.DPD_30, day, null);
    reporting.report(a, BureauReportKind.CURED, day.plusDays(2), null); // after the range

    HttpResponse<String> response = http.get(range(day, day.plusDays(1)), "risk", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode list = json.readTree(response.body());
    assertThat(list).hasSize(3);
    assertThat(list.get(0).path("loanNumber").asText()).isEqualTo(a);
    assertThat(list.get(0).path("asOf").asText()).isEqualTo("2031-01-10");
    assertThat(list.get(1).path("loanNumber").asText()).isEqualTo(b);
    assertThat(list.get(2).path("loanNumber").asText()).isEqualTo(a);
    assertThat(list.get(2).path("kind").asText()).isEqualTo("DPD_60");
    JsonNode first = list.get(0);
    assertThat(first.path("kind").asText()).isEqualTo("DPD_30");
    assertThat(first.path("accountStatus").asText()).isEqualTo("71");
    assertThat(first.path("paymentRating").asText()).isEqualTo("1");
    assertThat(first.path("currentBalance").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(first.path("amountPastDue").isNumber()).isTrue();
    assertThat(first.path("exportStatus").asText()).isEqualTo("PENDING");
    assertThat(first.path("createdAt").asText()).endsWith("+08:00");
    assertThat(first.path("customerId").asText()).hasSize(36);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).doesNotContain("nationalId", "fullName", "mobile", "email", "name");

    assertThat(json.readTree(http.get(range(day.minusDays(5), day.minusDays(1)), "channel", "demo").body()))
        .isEmpty();
  }

  @Test
  void csvHasTheHeaderLineAndQuotesFieldsThatNeedIt() {
    LocalDate day = LocalDate.of(2031, 2, 10);
    String id = reporting.report(a, BureauReportKind.CHARGED_OFF, day, "written off, \"uncollectable\"");
    reporting.report(b, BureauReportKind.SETTLED, day, null);

    HttpResponse<String> byAccept = http.send(http.request(range(day, day), "channel", "demo")
        .setHeader("Accept", "text/csv").GET());
    HttpResponse<String> byFormat = http.get(range(day, day) + "&format=csv", "risk", "demo");

    for (HttpResponse<String> response : List.of(byAccept, byFormat)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/csv").contains("charset=UTF-8"));
      assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
          "attachment; filename=\"bureau-reports-2031-02-10-2031-02-10.csv\"");
      String[] lines = response.body().split("\r\n", -1);
      assertThat(lines).hasSize(4);
      assertThat(lines[0]).isEqualTo("id,asOf,loanNumber,customerId,kind,accountStatus,paymentRating,daysPastDue,"
          + "currency,currentBalance,amountPastDue,note,createdAt,exportStatus,exportedAt,exportReference");
      assertThat(lines[1]).startsWith(id + ",2031-02-10," + a + ",")
          .contains(",CHARGED_OFF,97,L,0,CNY,1200.00,0.00,\"written off, \"\"uncollectable\"\"\",")
          .endsWith(",PENDING,,");
      assertThat(lines[2]).contains("," + b + ",").contains(",SETTLED,13,0,");
      assertThat(lines[3]).isEmpty();
    }

    // format=json wins over Accept
    HttpResponse<String> asJson = http.send(http.request(range(day, day) + "&format=json", "risk", "demo")
        .setHeader("Accept", "text/csv, application/json").GET());
    assertThat(asJson.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void aMissingMalformedReversedOrTooLongRangeIs400() throws Exception {
    List<String> bad = List.of(
        "/api/bureau-reports",
        "/api/bureau-reports?from=2031-03-01",
        "/api/bureau-reports?to=2031-03-01",
        "/api/bureau-reports?from=2031-03-01&to=tomorrow",
        "/api/bureau-reports?from=2031-02-30&to=2031-03-01",
        "/api/bureau-reports?from=2031-03-02&to=2031-03-01",
        "/api/bureau-reports?from=2031-01-01&to=2032-01-02",
        "/api/bureau-reports?from=2031-03-01&to=2031-03-01&format=xml");
    for (String path : bad) {
      HttpResponse<String> response = http.get(path, "risk", "demo");
      assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("errors")).as(path).isNotEmpty();
    }
    // a CSV caller gets the problem as JSON too
    HttpResponse<String> csvCaller = http.send(http.request("/api/bureau-reports?from=2031-03-02&to=2031-03-01",
        "risk", "demo").setHeader("Accept", "text/csv").GET());
    assertThat(csvCaller.statusCode()).isEqualTo(400);
    assertThat(json.readTree(csvCaller.body()).path("errors").get(0).path("field").asText()).isEqualTo("to");
    // 366 days, both ends included, is the longest range
    assertThat(http.get("/api/bureau-reports?from=2032-01-01&to=2032-12-31", "risk", "demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void onlyRiskManagersAndApiClientsMayReadOrExport() {
    String path = range(LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 2));
    assertThat(http.get(path).statusCode()).isEqualTo(401);
    // a user of its own: a wrong password delays that user's next login (Camunda login throttling)
    assertThat(http.get(path, "marketer", "wrong-password").statusCode()).isEqualTo(401);
    for (String user : List.of("collector", "officer", "auditor", "demo")) {
      HttpResponse<String> denied = http.get(path, user, "demo");
      assertThat(denied.statusCode()).as(user).isEqualTo(403);
      assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(http.postJson("/api/bureau-reports/exports",
        "{\"exportReference\":\"EXP-X\",\"from\":\"2031-04-01\",\"to\":\"2031-04-02\"}", "collector", "demo")
        .statusCode()).isEqualTo(403);
    assertThat(http.get(path, "risk", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get(path, "channel", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void anExportMarksThePendingRecordsOfItsRangeOnceByReference() throws Exception {
    LocalDate day = LocalDate.of(2031, 5, 10);
    String inRange = reporting.report(a, BureauReportKind.DPD_30, day, null);
    String outside = reporting.report(b, BureauReportKind.DPD_30, day.plusDays(1), null);
    String reference = "EXP-" + UUID.randomUUID();
    String body = "{\"exportReference\":\"" + reference + "\",\"from\":\"2031-05-01\",\"to\":\"2031-05-10\"}";

    HttpResponse<String> created = http.postJson("/api/bureau-reports/exports", body, "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode export = json.readTree(created.body());
    assertThat(export.path("recordCount").asInt()).isEqualTo(1);
    assertThat(export.path("exportedBy").asText()).isEqualTo("channel");
    assertThat(status(inRange)).isEqualTo("EXPORTED");
    assertThat(status(outside)).isEqualTo("PENDING");
    JsonNode listed = json.readTree(http.get(range(day, day), "risk", "demo").body()).get(0);
    assertThat(listed.path("exportReference").asText()).isEqualTo(reference);
    assertThat(listed.path("exportedAt").asText()).isEqualTo(export.path("exportedAt").asText());

    // a record added later is not taken by a repeat of the same export
    reporting.report(b, BureauReportKind.DPD_30, day, null);
    HttpResponse<String> repeated = http.postJson("/api/bureau-reports/exports", body, "risk", "demo");
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(json.readTree(repeated.body())).isEqualTo(export);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE export_reference = ?", Long.class,
        reference)).isEqualTo(1L);

    HttpResponse<String> otherRange = http.postJson("/api/bureau-reports/exports",
        body.replace("2031-05-01", "2031-05-02"), "channel", "demo");
    assertThat(otherRange.statusCode()).isEqualTo(409);

    for (String invalid : List.of(
        "{\"exportReference\":\"\",\"from\":\"2031-05-01\",\"to\":\"2031-05-10\"}",
        "{\"exportReference\":\"bad reference\",\"from\":\"2031-05-01\",\"to\":\"2031-05-10\"}",
        "{\"exportReference\":\"EXP-Z\",\"from\":\"2031-05-11\",\"to\":\"2031-05-10\"}",
        "{\"exportReference\":\"EXP-Z\",\"from\":\"2031-05-01\"}",
        "{\"exportReference\":\"EXP-Z\",\"from\":\"2031-05-01\",\"to\":\"2031-05-10\",\"extra\":1}")) {
      HttpResponse<String> response = http.postJson("/api/bureau-reports/exports", invalid, "channel", "demo");
      assertThat(response.statusCode()).as(invalid + " → " + response.body()).isEqualTo(400);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report_export WHERE export_reference = 'EXP-Z'",
        Long.class)).isZero();
  }

  private String status(String id) {
    return jdbc.queryForObject("SELECT export_status FROM cf_bureau_report WHERE id = ?", String.class, id);
  }

  private static String range(LocalDate from, LocalDate to) {
    return "/api/bureau-reports?from=" + from + "&to=" + to;
  }
}
