package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/reports/collections} over real HTTP on hand-made case records in March 2033 (a period no other
 * test writes to), checked against figures computed by hand, and the gauges of the last 30 days.
 */
@CreditFlowWebTest
class CollectionReportApiTest {

  private static final String PERIOD = "from=2033-03-01&to=2033-03-31";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired CollectionReportMetrics metrics;
  @Autowired MeterRegistry registry;

  Http http;

  @BeforeEach
  void seed() {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2033-04-01T02:00:00Z"))); // 10:00 in Shanghai
    jdbc.update("DELETE FROM cf_collection_action WHERE occurred_at >= ?", ts("2033-01-01T00:00:00Z"));
    jdbc.update("DELETE FROM cf_collection_case WHERE started_at >= ?", ts("2033-01-01T00:00:00Z"));
    jdbc.update("DELETE FROM cf_contact_decision WHERE contact_at >= ?", ts("2033-01-01T00:00:00Z"));
    // four cases started in March (times UTC; Shanghai is UTC+8): highest DPD 5, 40, 75, 95
    String a = aCase("2033-03-02T01:00:00Z", 5, "2033-03-10T01:00:00Z", "CURED");
    String b = aCase("2033-03-03T01:00:00Z", 40, "2033-03-20T01:00:00Z", "CURED");
    aCase("2033-03-04T01:00:00Z", 75, null, null);
    String d = aCase("2033-03-05T01:00:00Z", 95, "2033-03-31T15:00:00Z", "LEGAL"); // 31 Mar 23:00 local: in
    // started in February, ended on 1 April local time (31 Mar 16:30 UTC): out
    aCase("2033-02-01T01:00:00Z", 10, "2033-03-31T16:30:00Z", "CURED");
    action(a, 1, "2033-03-02T02:00:00Z", "SMS_REMINDER", "0.05");
    action(a, 2, "2033-03-04T02:00:00Z", "CALL", "2.00");
    action(a, 3, "2033-03-04T02:01:00Z", "PROMISE_MADE", "0.00");
    action(a, 4, "2033-03-09T02:00:00Z", "PROMISE_KEPT", "0.00");
    action(b, 1, "2033-03-05T02:00:00Z", "CALL", "2.00");
    action(b, 2, "2033-03-05T02:01:00Z", "PROMISE_MADE", "0.00");
    action(b, 3, "2033-03-15T02:00:00Z", "PROMISE_BROKEN", "0.00");
    action(d, 1, "2033-03-30T02:00:00Z", "LEGAL_HANDOVER", "200.00");
    action(d, 2, "2033-02-28T02:00:00Z", "DEMAND_LETTER", "3.50"); // February: out
    decision("2033-03-02T14:00:00Z", true, "ALLOWED");
    decision("2033-03-02T14:30:00Z", false, "QUIET_HOURS");
    decision("2033-03-03T14:30:00Z", false, "QUIET_HOURS");
    decision("2033-03-04T03:00:00Z", false, "SMS_DAILY_CAP");
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  private String aCase(String startedAt, int maxDpd, String endedAt, String outcome) {
    String id = UUID.randomUUID().toString();
    String loan = "RPT" + id.substring(0, 8);
    jdbc.update("INSERT INTO cf_collection_case (id, loan_number, open_loan_number, process_instance_id, customer_id,"
        + " currency, started_at, ended_at, start_dpd, max_dpd, strategy, current_stage, outcome, promises_made,"
        + " promises_kept, promises_broken, on_hold, cycle_number, stage_attempts, bureau_reported_dpd, action_count,"
        + " version) VALUES (?, ?, ?, ?, 'customer', 'CNY', ?, ?, 1, ?, 'STANDARD', 'SMS_REMINDER', ?, 0, 0, 0,"
        + " FALSE, 1, 0, 0, 0, 0)", id, loan, endedAt == null ? loan : null, "pi-" + id, ts(startedAt),
        endedAt == null ? null : ts(endedAt), maxDpd, outcome);
    return id;
  }

  private void action(String caseId, int sequence, String at, String action, String cost) {
    jdbc.update("INSERT INTO cf_collection_action (id, case_id, sequence_number, loan_number, occurred_at, stage,"
        + " action, unit_cost, actor) SELECT ?, id, ?, loan_number, ?, 'SMS_REMINDER', ?, ?, 'test'"
        + " FROM cf_collection_case WHERE id = ?", UUID.randomUUID().toString(), sequence, ts(at), action,
        new java.math.BigDecimal(cost), caseId);
  }

  private void decision(String at, boolean allowed, String reason) {
    jdbc.update("INSERT INTO cf_contact_decision (id, loan_number, customer_id, channel, party, purpose, category,"
        + " capped, contact_at, allowed, reason, jurisdiction, recorded_at, version) VALUES (?, 'RPT', 'customer',"
        + " 'SMS', 'BORROWER', 'collection.reminder-sms', 'COLLECTION', TRUE, ?, ?, ?, 'DEFAULT', ?, 0)",
        UUID.randomUUID().toString(), ts(at), allowed, reason, ts(at));
  }

  @Test
  void theFiguresOfAPeriodAreTheOnesComputedByHand() throws Exception {
    HttpResponse<String> answer = http.get("/api/reports/collections?" + PERIOD, "risk", "demo");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode report = json.readTree(answer.body());
    JsonNode cases = report.path("cases");
    assertThat(cases.path("started").asLong()).isEqualTo(4);
    assertThat(cases.path("ended").asLong()).isEqualTo(3);
    assertThat(cases.path("cured").asLong()).isEqualTo(2);
    assertThat(cases.path("handedToLegal").asLong()).isEqualTo(1);
    assertThat(cases.path("cureRate").decimalValue()).isEqualByComparingTo("0.6667");
    JsonNode cost = report.path("cost");
    assertThat(cost.path("total").decimalValue()).isEqualByComparingTo("204.05");
    assertThat(cost.path("perCuredLoan").decimalValue()).isEqualByComparingTo("102.02"); // 204.05 / 2 = 102.025, half-even
    assertThat(cost.path("byAction").path("CALL").path("count").asLong()).isEqualTo(2);
    assertThat(cost.path("byAction").path("CALL").path("cost").decimalValue()).isEqualByComparingTo("4.00");
    assertThat(cost.path("byAction").has("DEMAND_LETTER")).isFalse();
    JsonNode promises = report.path("promises");
    assertThat(promises.path("made").asLong()).isEqualTo(2);
    assertThat(promises.path("kept").asLong()).isEqualTo(1);
    assertThat(promises.path("broken").asLong()).isEqualTo(1);
    assertThat(promises.path("keptRate").decimalValue()).isEqualByComparingTo("0.5000");
    // reached 1-30: 4; 31-60: 3; 61-90: 2; 90+: 1
    JsonNode rolls = report.path("rollRates");
    assertThat(rolls).hasSize(3);
    assertThat(rolls.get(0).path("from").asText()).isEqualTo("1-30");
    assertThat(rolls.get(0).path("rate").decimalValue()).isEqualByComparingTo("0.7500");
    assertThat(rolls.get(1).path("rate").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(rolls.get(2).path("to").asText()).isEqualTo("90+");
    assertThat(rolls.get(2).path("rate").decimalValue()).isEqualByComparingTo("0.5000");
    JsonNode contacts = report.path("contacts");
    assertThat(contacts.path("decisions").asLong()).isEqualTo(4);
    assertThat(contacts.path("deferred").asLong()).isEqualTo(3);
    assertThat(contacts.path("deferredByReason").path("QUIET_HOURS").asLong()).isEqualTo(2);
    assertThat(contacts.path("deferredByReason").path("SMS_DAILY_CAP").asLong()).isEqualTo(1);
  }

  @Test
  void theGaugesShowTheLastThirtyDays() {
    metrics.refresh(); // today 1 April 2033: 3 March - 1 April

    // cases ended in the window: a and b (cured), d (legal), the February case ended 1 April (cured): 3 of 4
    assertThat(registry.get("creditflow.collection.cure.rate").gauge().value()).isEqualTo(0.75);
    assertThat(registry.get("creditflow.collection.promise.kept.rate").gauge().value()).isEqualTo(0.5);
    assertThat(registry.get("creditflow.collection.roll.rate").tags("from", "1-30", "to", "31-60").gauge().value())
        .isEqualTo(1.0); // started 3-5 March: DPD 40, 75, 95
  }

  @Test
  void aBadPeriodIsRefusedAndOthersMayNotRead() {
    assertThat(http.get("/api/reports/collections?from=2033-03-31&to=2033-03-01", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/reports/collections?from=2031-01-01&to=2033-03-01", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/reports/collections?from=2033-03-01", "risk", "demo").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/reports/collections?from=2033-3-1&to=2033-03-31", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/reports/collections?from=2033-04-02&to=2033-04-03", "risk", "demo").statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/reports/collections?" + PERIOD).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/reports/collections?" + PERIOD, "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/reports/collections?" + PERIOD, "auditor", "demo").statusCode()).isEqualTo(200);
  }
}
