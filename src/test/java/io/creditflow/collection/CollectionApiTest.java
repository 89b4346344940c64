package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: a payment booked through {@code POST /api/loans/{loanNumber}/payments} reaches the waiting
 * collection (PaymentReceived) and cures it; {@code GET /api/loans/{loanNumber}/collection} shows the case.
 */
@CollectionTest
class CollectionApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired CollectionFixture fixture;

  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aPaymentThroughTheApiReachesTheWaitingCollectionAndTheCaseShowsIt() throws Exception {
    String loan = fixture.loan("C");
    fixture.pastDue(loan, 3);
    ProcessInstance process = fixture.start(loan);
    fixture.runJobs(process.getId());
    assertThat(process).isWaitingAt("Event_NextStageDue");

    HttpResponse<String> open = http.get("/api/loans/" + loan + "/collection", "collector", "demo");
    assertThat(open.statusCode()).isEqualTo(200);
    JsonNode during = json.readTree(open.body());
    assertThat(during.get("active").asBoolean()).isTrue();
    assertThat(during.get("strategy").asText()).isEqualTo("STANDARD");
    assertThat(during.get("stage").asText()).isEqualTo("EMAIL_REMINDER");
    assertThat(during.get("onHold").asBoolean()).isFalse();
    assertThat(during.get("actions")).extracting(action -> action.get("action").asText())
        .containsExactly("OPENED", "EMAIL_REMINDER");
    assertThat(during.get("actions").get(1).get("unitCost").decimalValue()).isEqualByComparingTo("0.01");
    assertThat(during.get("actions").get(1).get("channel").asText()).isEqualTo("EMAIL");

    String today = CollectionFixture.FIRST_DUE.plusDays(3).toString();
    HttpResponse<String> paid = http.postJson("/api/loans/" + loan + "/payments", """
        {"paymentReference": "COLL-%s", "amount": %s, "valueDate": "%s", "channel": "BANK_TRANSFER"}"""
        .formatted(loan, fixture.overdue(loan).toPlainString(), today), "channel", "demo");
    assertThat(paid.statusCode()).isEqualTo(201);
    fixture.runJobs(process.getId());

    assertThat(process).hasPassed("Event_PaymentReceived", "EndEvent_Cured").isEnded();
    JsonNode after = json.readTree(http.get("/api/loans/" + loan + "/collection", "risk", "demo").body());
    assertThat(after.get("active").asBoolean()).isFalse();
    assertThat(after.get("outcome").asText()).isEqualTo("CURED");
    assertThat(after.get("endedAt").asText()).isNotBlank();
    assertThat(after.get("actions")).extracting(action -> action.get("action").asText())
        .containsSubsequence("OPENED", "EMAIL_REMINDER", "PAYMENT", "BUREAU_REPORT", "CURED");
    assertThat(after.get("actions")).anySatisfy(action ->
        assertThat(action.path("reference").asText()).isEqualTo("COLL-" + loan));
  }

  @Test
  void unknownLoansAre404AndOtherGroupsMayNotRead() {
    HttpResponse<String> unknown = http.get("/api/loans/LN0000000000/collection", "collector", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(http.get("/api/loans/LN0000000000/collection", "marketer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/loans/LN0000000000/collection").statusCode()).isEqualTo(401);
  }
}
