package io.creditflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.collection.CollectionProcess;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DailyClose;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.DueJobs;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One loan's life from application to complaint with {@code io.creditflow} logging at DEBUG, so the log scan of
 * {@link PersonalDataInLogsIT} also covers what our code logs at DEBUG: application (auto-approved sandbox persona),
 * offer accepted, disbursement, a payment, days past due closed until collection calls, and a complaint about it.
 */
@CreditFlowWebTest
class FullFlowAtDebugLevelTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @Autowired
  DailyClose dailyClose;

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @BeforeEach
  void debug() {
    logging.setLogLevel("io.creditflow", LogLevel.DEBUG);
  }

  @AfterEach
  void back() {
    logging.setLogLevel("io.creditflow", LogLevel.INFO);
    ClockUtil.reset();
  }

  @Test
  void applicationToComplaintRunsWithDebugLogging() throws Exception {
    assertThat(LoggerFactory.getLogger("io.creditflow.origination").isDebugEnabled()).isTrue();
    Http http = new Http(port);
    LocalDate booked = LocalDate.of(2027, 1, 10);
    at(booked, 10, 0);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> submitted = http.postJson("/api/applications", """
        { "externalReference": "DEBUG-%s", "channel": "MOBILE_APP",
          "applicant": { "nationalId": "SANDBOX-PRIME-%s", "fullName": "Li Wei", "dateOfBirth": "1990-04-12",
                         "mobile": "+8613800138000", "email": "li.wei@example.com", "monthlyIncome": 18000.00,
                         "employmentMonths": 48, "monthlyDebtPayments": 1500.00, "dependants": 1,
                         "preferredLanguage": "en" },
          "requestedAmount": 12000.00, "termMonths": 12, "purpose": "HOME_RENOVATION" }"""
        .formatted(suffix, suffix), "channel", "demo");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String applicationId = json.readTree(submitted.body()).path("applicationId").asText();
    String origination = json.readTree(submitted.body()).path("processInstanceId").asText();
    runJobs(origination);
    assertThat(application(http, applicationId).path("status").asText()).isEqualTo("OFFERED");

    assertThat(http.postJson("/api/applications/" + applicationId + "/acceptance", "{\"accepted\": true}",
        "channel", "demo").statusCode()).isEqualTo(200);
    runJobs(origination);
    JsonNode disbursed = application(http, applicationId);
    assertThat(disbursed.path("status").asText()).isEqualTo("DISBURSED");
    String loan = disbursed.path("loanNumber").asText();

    HttpResponse<String> paid = http.postJson("/api/loans/" + loan + "/payments", """
        {"paymentReference":"DEBUG-PAY-%s","amount":100.00,"valueDate":"%s","channel":"BANK_TRANSFER"}"""
        .formatted(suffix, booked), "channel", "demo");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

    LocalDate firstDue = LocalDate.parse(json.readTree(http.get("/api/loans/" + loan, "channel", "demo").body())
        .path("firstDueDate").asText());
    LocalDate closed = firstDue.plusDays(6);
    for (LocalDate day = booked; !day.isAfter(closed); day = day.plusDays(1)) {
      at(day.plusDays(1), 0, 30);
      dailyClose.closeDay(loan, day);
    }
    at(closed.plusDays(1), 10, 0);
    String collection = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loan,
        Map.of(CollectionProcess.LOAN_NUMBER, loan, CollectionProcess.DAYS_PAST_DUE, 7,
            CollectionProcess.BUSINESS_DATE, closed.toString())).getId();
    runJobs(collection);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(collection).count())
        .isEqualTo(1);

    HttpResponse<String> complaint = http.postJson("/api/complaints", """
        {"externalReference":"DEBUG-CMP-%s","customerNationalId":"SANDBOX-PRIME-%s","loanNumber":"%s",
         "channel":"PHONE","description":"The collector called my employer about loan %s.",
         "preferredLanguage":"en"}""".formatted(suffix, suffix, loan, loan), "channel", "demo");
    assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(202);
    String complaintId = json.readTree(complaint.body()).path("complaintId").asText();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(complaintId).list()
        .forEach(process -> runJobs(process.getId()));
    assertThat(http.get("/api/complaints/" + complaintId, "channel", "demo").statusCode()).isEqualTo(200);
  }

  private JsonNode application(Http http, String id) throws Exception {
    return json.readTree(http.get("/api/applications/" + id, "channel", "demo").body());
  }

  private void runJobs(String processInstanceId) {
    DueJobs.run(engine.getManagementService(), processInstanceId);
  }

  private static void at(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant()));
  }
}
