package io.creditflow.inspection;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.portfolio.PortfolioFixture;
import io.creditflow.portfolio.PortfolioTest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/inspections} over real HTTP: roles, validation, start with a seed, list and the report. */
@PortfolioTest
class InspectionApiTest {

  static final LocalDate TODAY = LocalDate.of(2027, 10, 1);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;

  Http http;
  PortfolioFixture fixture;

  @BeforeEach
  void aBook() {
    http = new Http(port);
    fixture = new PortfolioFixture(engine, disbursements, jdbc);
    today(TODAY.minusMonths(2));
    fixture.cleanSlate();
    fixture.loan("A", "WEB", null, "3000.00");
    fixture.loan("A", "WEB", null, "4000.00");
    fixture.loan("D", "PARTNER", null, "2000.00");
    today(TODAY);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private long inspectionsStored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_inspection", Long.class);
  }

  @Test
  void onlyRiskManagersAndAdminsStartAndComplianceReads() {
    assertThat(http.get("/api/inspections").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/inspections", "{}").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/inspections", "{}", "auditor", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/inspections", "{}", "officer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/inspections", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/inspections", "auditor", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/inspections/unknown", "auditor", "demo").statusCode()).isEqualTo(404);
    assertThat(inspectionsStored()).isZero();
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertThat(http.postJson("/api/inspections", "{\"sampleSize\": 0}", "risk", "demo").statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/inspections", "{\"sampleSize\": 201}", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson("/api/inspections", "{\"sampleSize\": \"3\"}", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson("/api/inspections", "{\"size\": 3}", "risk", "demo").statusCode()).isEqualTo(400);
    assertThat(inspectionsStored()).isZero();
  }

  @Test
  void theReportShowsTheSampleWithItsSeedFindingsByItemAndRemediation() throws Exception {
    HttpResponse<String> started = http.postJson("/api/inspections", "{\"sampleSize\": 2, \"seed\": 12345}",
        "risk", "demo");
    assertThat(started.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(started.body());
    String id = body.get("inspectionId").asText();
    assertThat(started.headers().firstValue("Location")).hasValue("/api/inspections/" + id);
    assertThat(body.get("seed").asLong()).isEqualTo(12345L);
    fixture.runJobs(body.get("processInstanceId").asText());

    Task checklist = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_CompleteChecklist").list().get(0);
    String loanNumber = (String) engine.getTaskService().getVariable(checklist.getId(), "loanNumber");
    Map<String, Object> answers = new HashMap<>();
    for (ChecklistItem item : ChecklistItem.values()) {
      answers.put(item.resultVariable(), item == ChecklistItem.FUND_USAGE ? "FAIL" : "PASS");
    }
    answers.put("fundUsageComment", "Transfers to a brokerage account");
    engine.getTaskService().setAssignee(checklist.getId(), "risk");
    engine.getTaskService().complete(checklist.getId(), answers);

    JsonNode report = json.readTree(http.get("/api/inspections/" + id, "auditor", "demo").body());
    assertThat(report.get("inspection").get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(report.get("inspection").get("population").asInt()).isEqualTo(3);
    assertThat(report.get("inspection").get("seed").asLong()).isEqualTo(12345L);
    assertThat(report.get("sample")).hasSize(2);
    assertThat(report.get("sampleByGrade").get("A").asInt() + report.get("sampleByGrade").get("D").asInt())
        .isEqualTo(2);
    JsonNode fundUsage = report.get("findingsByItem").get("FUND_USAGE");
    assertThat(fundUsage.get("inspected").asInt()).isEqualTo(1);
    assertThat(fundUsage.get("failed").asInt()).isEqualTo(1);
    assertThat(fundUsage.get("remediationOpen").asInt()).isEqualTo(1);
    assertThat(report.get("findingsByItem").get("DOCUMENTS").get("passed").asInt()).isEqualTo(1);
    assertThat(report.get("remediationOpen").asInt()).isEqualTo(1);
    JsonNode inspected = null;
    for (JsonNode loan : report.get("sample")) {
      if (loan.get("loanNumber").asText().equals(loanNumber)) {
        inspected = loan;
      }
    }
    assertThat(inspected).isNotNull();
    assertThat(inspected.get("inspectedBy").asText()).isEqualTo("risk");
    JsonNode remediation = inspected.get("findings").get(0).get("remediation");
    assertThat(remediation.get("group").asText()).isEqualTo("risk-managers");
    assertThat(remediation.get("due").asText()).isEqualTo(TODAY.plusDays(14).toString());
    assertThat(remediation.get("status").asText()).isEqualTo("OPEN");

    JsonNode list = json.readTree(http.get("/api/inspections", "risk", "demo").body());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("inspectionId").asText()).isEqualTo(id);
  }
}
