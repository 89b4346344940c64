package io.creditflow.portfolio;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/portfolio/snapshots} over real HTTP: roles, manual start, newest first with paging, one snapshot. */
@PortfolioTest
class PortfolioApiTest {

  static final LocalDate DAY = LocalDate.of(2027, 7, 1);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;
  @Autowired PortfolioSnapshotService snapshots;

  Http http;
  PortfolioFixture fixture;

  @BeforeEach
  void twoSnapshots() {
    http = new Http(port);
    fixture = new PortfolioFixture(engine, disbursements, jdbc);
    today(DAY.minusMonths(1));
    fixture.cleanSlate();
    String late = fixture.loan("B", "WEB", "SPRING", "4000.00");
    fixture.loan("A", "WEB", null, "6000.00");
    today(DAY.minusDays(2));
    snapshots.compute(DAY.minusDays(2), "risk", null);
    fixture.dpd(late, 5);
    today(DAY.minusDays(1));
    snapshots.compute(DAY.minusDays(1), "risk", null);
    today(DAY);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  void onlyRiskComplianceAndAdminsReadAndOnlyRiskAndAdminsStart() {
    assertThat(http.get("/api/portfolio/snapshots").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/portfolio/snapshots", "{}").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/portfolio/snapshots", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/portfolio/snapshots", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/portfolio/snapshots", "auditor", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/portfolio/snapshots", "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(http.postJson("/api/portfolio/snapshots", "{}", "auditor", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/portfolio/snapshots", "{}", "marketer", "demo").statusCode()).isEqualTo(403);
    assertThat(snapshots.count()).isEqualTo(2);
  }

  @Test
  void newestFirstWithPagingAndOneSnapshotWithItsSegments() throws Exception {
    JsonNode page = body(http.get("/api/portfolio/snapshots?page=0&size=1", "risk", "demo"));
    assertThat(page.get("totalSnapshots").asInt()).isEqualTo(2);
    assertThat(page.get("snapshots")).hasSize(1);
    JsonNode newest = page.get("snapshots").get(0);
    assertThat(newest.get("snapshotDate").asText()).isEqualTo(DAY.minusDays(1).toString());
    assertThat(newest.get("total").get("balance").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(newest.get("total").get("counts").get("DPD_1_30").asInt()).isEqualTo(1);
    assertThat(newest.get("total").get("overdueRatioBalance").decimalValue()).isEqualByComparingTo("0.4");
    assertThat(newest.get("total").get("rollRates").get("CURRENT").decimalValue()).isEqualByComparingTo("0.4");
    JsonNode second = body(http.get("/api/portfolio/snapshots?page=1&size=1", "risk", "demo"));
    assertThat(second.get("snapshots").get(0).get("snapshotDate").asText()).isEqualTo(DAY.minusDays(2).toString());
    assertThat(http.get("/api/portfolio/snapshots?size=0", "risk", "demo").statusCode()).isEqualTo(400);

    JsonNode one = body(http.get("/api/portfolio/snapshots/" + newest.get("snapshotId").asText(), "auditor", "demo"));
    assertThat(one.get("segments").findValuesAsText("dimension")).contains("TOTAL", "PRODUCT", "CHANNEL", "GRADE",
        "CAMPAIGN");
    assertThat(one.get("previousSnapshotDate").asText()).isEqualTo(DAY.minusDays(2).toString());
    HttpResponse<String> unknown = http.get("/api/portfolio/snapshots/nope", "risk", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).contains("application/problem+json"));
  }

  @Test
  void aRiskManagerStartsTodaysSnapshotOnce() throws Exception {
    HttpResponse<String> started = http.postJson("/api/portfolio/snapshots", "{}", "risk", "demo");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(body(started).get("snapshotDate").asText()).isEqualTo(DAY.toString());
    HttpResponse<String> again = http.postJson("/api/portfolio/snapshots", "{}", "risk", "demo");
    assertThat(again.statusCode()).isEqualTo(409);
    fixture.runJobs(body(started).get("processInstanceId").asText());
    assertThat(snapshots.findByDate(DAY)).isPresent();
    assertThat(http.postJson("/api/portfolio/snapshots", "{}", "demo", "demo").statusCode()).isEqualTo(409);
  }
}
