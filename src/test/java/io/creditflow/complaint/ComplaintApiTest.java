package io.creditflow.complaint;

import static io.creditflow.complaint.ComplaintFixture.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/complaints}, its feedback and {@code /api/reports/complaints} over real HTTP. */
@ComplaintTest
class ComplaintApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ComplaintFixture fixture;
  @Autowired ComplaintService complaints;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String loanNumber;
  String reference;

  @BeforeEach
  void aLoan() {
    http = new Http(port);
    loanNumber = fixture.loan(LocalDate.of(2027, 1, 10));
    ComplaintFixture.at(RECEIVED, 10, 0);
    reference = "CMP-" + UUID.randomUUID();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String body(String description) {
    return """
        {"externalReference": "%s", "loanNumber": "%s", "channel": "MOBILE_APP",
         "description": "%s", "preferredLanguage": "zh-CN"}""".formatted(reference, loanNumber, description);
  }

  private long stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_complaint WHERE external_reference = ?", Long.class,
        reference);
  }

  @Test
  void aComplaintIsAcceptedIdempotentlyAndCanBeRead() throws Exception {
    HttpResponse<String> created = http.postJson("/api/complaints", body("催收员威胁我"), "channel", "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode answer = json.readTree(created.body());
    String id = answer.path("complaintId").asText();
    assertThat(answer.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/complaints/" + id);

    HttpResponse<String> again = http.postJson("/api/complaints", body("催收员威胁我"), "channel", "demo");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).path("complaintId").asText()).isEqualTo(id);
    HttpResponse<String> other = http.postJson("/api/complaints", body("something else"), "channel", "demo");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(stored()).isEqualTo(1);

    fixture.runJobs(complaints.get(id).getProcessInstanceId());
    for (String user : List.of("channel", "handler", "supervisor", "auditor", "demo")) {
      HttpResponse<String> read = http.get("/api/complaints/" + id, user, "demo");
      assertThat(read.statusCode()).as(user + ": " + read.body()).isEqualTo(200);
    }
    JsonNode view = json.readTree(http.get("/api/complaints/" + id, "handler", "demo").body());
    assertThat(view.path("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(view.path("category").asText()).isEqualTo("COLLECTION_CONDUCT");
    assertThat(view.path("categorySource").asText()).isEqualTo("KEYWORDS");
    assertThat(view.path("handlingGroup").asText()).isEqualTo("complaint-handlers");
    assertThat(view.path("collectionHold").asBoolean()).isTrue();
    assertThat(view.path("deadlines").path("jurisdiction").asText()).isEqualTo("CN");
    assertThat(view.path("deadlines").path("dueBy").asText()).isEqualTo("2027-03-16T10:00:00+08:00");
    assertThat(view.path("deadlines").path("acknowledgeBy").asText()).isEqualTo("2027-03-02T18:00:00+08:00");
    List<String> kinds = view.path("history").findValuesAsText("kind");
    assertThat(kinds).containsSubsequence("RECEIVED", "TRIAGED", "ACKNOWLEDGED", "COLLECTION_HELD");
    // the description is personal data: not in the API's answer
    assertThat(view.toString()).doesNotContain("催收员威胁我");
    assertThat(jdbc.queryForObject("SELECT description FROM cf_complaint WHERE id = ?", String.class, id))
        .doesNotContain("催收员");
  }

  @Test
  void badInputIs400AndStoresNothing() throws Exception {
    Map<String, String> bad = new HashMap<>();
    bad.put("no customer", """
        {"externalReference": "REF", "channel": "WEB", "description": "x", "preferredLanguage": "en"}""");
    bad.put("unknown loan", """
        {"externalReference": "REF", "loanNumber": "LN0000000000", "channel": "WEB", "description": "x",
         "preferredLanguage": "en"}""");
    bad.put("unknown national id", """
        {"externalReference": "REF", "customerNationalId": "NOBODY-1", "channel": "WEB", "description": "x",
         "preferredLanguage": "en"}""");
    bad.put("unknown channel", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "PIGEON", "description": "x",
         "preferredLanguage": "en"}""");
    bad.put("unknown category", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "WEB", "category": "WEATHER",
         "description": "x", "preferredLanguage": "en"}""");
    bad.put("no description", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "WEB", "description": " ",
         "preferredLanguage": "en"}""");
    bad.put("language", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "WEB", "description": "x",
         "preferredLanguage": "fr"}""");
    bad.put("unknown field", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "WEB", "description": "x",
         "preferredLanguage": "en", "mood": "angry"}""");
    bad.put("too long", """
        {"externalReference": "REF", "loanNumber": "LOAN", "channel": "WEB", "description": "LONG",
         "preferredLanguage": "en"}""".replace("LONG", "x".repeat(1001)));
    bad.put("another customer's loan", """
        {"externalReference": "REF", "customerNationalId": "OTHER", "loanNumber": "LOAN", "channel": "WEB",
         "description": "x", "preferredLanguage": "en"}""");
    String otherCustomer = fixture.customer();
    for (Map.Entry<String, String> entry : bad.entrySet()) {
      String request = entry.getValue().replace("REF", reference).replace("LOAN", loanNumber)
          .replace("\"OTHER\"", "\"" + otherCustomer + "\"");
      HttpResponse<String> response = http.postJson("/api/complaints", request, "channel", "demo");
      assertThat(response.statusCode()).as(entry.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(stored()).isZero();
  }

  @Test
  void unknownIs404AndAccessIsChecked() {
    assertThat(http.get("/api/complaints/nope", "handler", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/complaints/nope").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/complaints", body("x")).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/complaints/nope", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/complaints", body("x"), "handler", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/complaints/nope/feedback", "{\"satisfied\": true}", "handler", "demo")
        .statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/complaints/nope/feedback", "{\"satisfied\": true}", "channel", "demo")
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/reports/complaints", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(stored()).isZero();
  }

  @Test
  void feedbackIsTakenWithinTheWindowAfterTheFinalResponse() throws Exception {
    String id = json.readTree(http.postJson("/api/complaints", body("my fee is wrong"), "channel", "demo").body())
        .path("complaintId").asText();
    Complaint c = complaints.get(id);
    fixture.runJobs(c.getProcessInstanceId());
    String feedback = "/api/complaints/" + id + "/feedback";

    HttpResponse<String> early = http.postJson(feedback, "{\"satisfied\": false}", "channel", "demo");
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(http.postJson(feedback, "{\"satisfied\": \"no\"}", "channel", "demo").statusCode()).isEqualTo(400);
    assertThat(http.postJson(feedback, "{}", "channel", "demo").statusCode()).isEqualTo(400);

    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", Map.of(
        ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE, ComplaintProcess.OUTCOME, "REJECTED"));
    ComplaintFixture.at(RECEIVED.plusDays(14), 9, 59);
    HttpResponse<String> inTime = http.postJson(feedback, "{\"satisfied\": false, \"comment\": \"unfair\"}",
        "channel", "demo");
    assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(200);
    JsonNode view = json.readTree(inTime.body());
    assertThat(view.path("status").asText()).isEqualTo("SECOND_LEVEL_REVIEW");
    assertThat(view.path("feedback").path("satisfied").asBoolean()).isFalse();
    assertThat(view.path("outcome").path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(http.postJson(feedback, "{\"satisfied\": false, \"comment\": \"unfair\"}", "channel", "demo")
        .statusCode()).isEqualTo(200);
    assertThat(http.postJson(feedback, "{\"satisfied\": true}", "channel", "demo").statusCode()).isEqualTo(409);
    fixture.runJobs(c.getProcessInstanceId());
    assertThat(fixture.task(c, "Task_SecondLevelReview")).isNotNull();

    String late = json.readTree(http.postJson("/api/complaints", body("x").replace(reference, reference + "-2"),
        "channel", "demo").body()).path("complaintId").asText();
    Complaint lateComplaint = complaints.get(late);
    fixture.runJobs(lateComplaint.getProcessInstanceId());
    fixture.complete(lateComplaint, ComplaintProcess.TASK_INVESTIGATE, "handler", Map.of(
        ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE, ComplaintProcess.OUTCOME, "REJECTED"));
    ComplaintFixture.at(RECEIVED.plusDays(29), 10, 0);
    HttpResponse<String> tooLate = http.postJson("/api/complaints/" + late + "/feedback", "{\"satisfied\": true}",
        "channel", "demo");
    assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
    assertThat(tooLate.body()).contains("window");
  }

  @Test
  void theReportShowsDeadlineComplianceAverageDaysAndUpheldRateByCategory() throws Exception {
    LocalDate day = LocalDate.of(2028, 6, 1); // a day no other test files complaints on
    ComplaintFixture.at(day, 10, 0);
    Complaint upheld = complaints.submit(fixture.intake("R-" + UUID.randomUUID(), null, loanNumber,
        ComplaintCategory.SERVICE, ComplaintSeverity.LOW, "rude"), "channel").complaint();
    Complaint rejected = complaints.submit(fixture.intake("R-" + UUID.randomUUID(), null, loanNumber,
        ComplaintCategory.SERVICE, ComplaintSeverity.LOW, "rude"), "channel").complaint();
    Complaint open = complaints.submit(fixture.intake("R-" + UUID.randomUUID(), null, loanNumber,
        ComplaintCategory.FEES_AND_CHARGES, ComplaintSeverity.LOW, "fee"), "channel").complaint();
    for (Complaint c : List.of(upheld, rejected, open)) {
      fixture.runJobs(c.getProcessInstanceId());
    }
    ComplaintFixture.at(day.plusDays(2), 10, 0);
    fixture.complete(upheld, ComplaintProcess.TASK_INVESTIGATE, "handler", Map.of(
        ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE, ComplaintProcess.OUTCOME, "UPHELD",
        ComplaintProcess.REMEDY_APOLOGY, true));
    ComplaintFixture.at(day.plusDays(4), 10, 0);
    fixture.complete(rejected, ComplaintProcess.TASK_INVESTIGATE, "handler", Map.of(
        ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE, ComplaintProcess.OUTCOME, "REJECTED"));
    ComplaintFixture.at(day.plusDays(20), 10, 0); // the open one is past its deadline

    HttpResponse<String> response = http.get("/api/reports/complaints?from=2028-06-01&to=2028-06-01",
        "supervisor", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    assertThat(report.path("received").asInt()).isEqualTo(3);
    assertThat(report.path("responded").asInt()).isEqualTo(2);
    assertThat(report.path("deadlineCompliance").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(report.path("averageDaysToRespond").decimalValue()).isEqualByComparingTo("3.00");
    JsonNode service = report.path("byCategory").findParents("category").stream()
        .filter(n -> n.path("category").asText().equals("SERVICE")).findFirst().orElseThrow();
    assertThat(service.path("upheldRate").decimalValue()).isEqualByComparingTo("0.5000");
    assertThat(http.get("/api/reports/complaints?from=2028-06-02&to=2028-06-01", "auditor", "demo")
        .statusCode()).isEqualTo(400);
  }
}
