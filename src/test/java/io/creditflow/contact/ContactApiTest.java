package io.creditflow.contact;

import static io.creditflow.contact.ContactFixture.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.notification.NotificationRequest;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/loans/{loanNumber}/contacts} and the cease-contact requests, over real HTTP. */
@CreditFlowWebTest
class ContactApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ContactPolicyService policy;
  @Autowired ContactNotificationGate gate;
  @Autowired NotificationService notifications;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String loan;

  @BeforeEach
  void aLoan() {
    http = new Http(port);
    loan = ContactFixture.loan(disbursements, customers).loanNumber();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String contacts() {
    return "/api/loans/" + loan + "/contacts";
  }

  private String ceasePath() {
    return "/api/loans/" + loan + "/cease-contact-requests";
  }

  private long ceaseRequestsStored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_cease_contact_request WHERE loan_number = ?", Long.class,
        loan);
  }

  @Test
  void theHistoryListsNotificationsDecisionsAndCallsNewestFirstWithRecipientsMasked() throws Exception {
    String customerId = jdbc.queryForObject("SELECT customer_id FROM cf_loan WHERE loan_number = ?", String.class,
        loan);
    Notification sms = notifications.enqueue(NotificationRequest.of("CT-" + loan, "COLLECTION_REMINDER",
        NotificationChannel.SMS, customerId, "loan", loan, "collection.dpd1-sms", Map.of(), "en"));
    gate.check(sms, shanghai("2027-03-02T23:00:00"));            // deferred: quiet hours
    gate.check(sms, shanghai("2027-03-03T08:00:00"));            // allowed
    ContactDecision call = policy.decide(new ContactRequest(loan, ContactChannel.CALL, ContactParty.BORROWER,
        ContactPolicyService.COLLECTION_CALL, shanghai("2027-03-03T10:00:00")));
    policy.recordCall(loan, call.decisionId(), CallOutcome.NO_ANSWER, "mobile", "collector",
        shanghai("2027-03-03T10:01:00"));
    policy.decide(new ContactRequest(loan, ContactChannel.CALL, ContactParty.THIRD_PARTY,
        ContactPolicyService.COLLECTION_CALL, shanghai("2027-03-03T11:00:00")));
    ContactFixture.clock(shanghai("2027-03-03T12:00:00"));

    HttpResponse<String> answer = http.get(contacts(), "collector", "demo");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain(ContactFixture.MOBILE).doesNotContain(ContactFixture.EMAIL)
        .doesNotContain("13912345678");
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("loanNumber").asText()).isEqualTo(loan);
    assertThat(body.path("onHold").asBoolean()).isFalse();
    assertThat(body.path("callNow").path("allowed").asBoolean()).isTrue();
    List<String> kinds = new ArrayList<>();
    List<String> times = new ArrayList<>();
    body.path("contacts").forEach(entry -> {
      kinds.add(entry.path("kind").asText() + ":" + entry.path("channel").asText());
      times.add(entry.path("at").asText());
    });
    // newest first: third-party call decision 11:00, call 10:01, call decision 10:00, notification queued 10:00 on
    // 1 March (when the loan was booked and the clock stood there)
    assertThat(kinds).containsExactly("CONTACT_DECISION:CALL", "CALL:CALL", "CONTACT_DECISION:CALL",
        "NOTIFICATION:SMS");
    assertThat(times.get(0)).isEqualTo("2027-03-03T11:00:00+08:00");
    JsonNode thirdParty = body.path("contacts").get(0);
    assertThat(thirdParty.path("decision").path("reason").asText()).isEqualTo("THIRD_PARTY");
    assertThat(thirdParty.path("recipient").asText()).isEqualTo("third party");
    JsonNode made = body.path("contacts").get(1);
    assertThat(made.path("outcome").asText()).isEqualTo("NO_ANSWER");
    assertThat(made.path("decisionId").asText()).isEqualTo(call.decisionId());
    assertThat(made.path("recipient").asText()).isEqualTo("+86*******5678");
    JsonNode notification = body.path("contacts").get(3);
    assertThat(notification.path("template").asText()).isEqualTo("collection.dpd1-sms");
    assertThat(notification.path("purpose").asText()).isEqualTo("collection.dpd1-sms");
    assertThat(notification.path("status").asText()).isEqualTo("PENDING");
    assertThat(notification.path("recipient").asText()).isEqualTo("+86*******5678");
    assertThat(notification.path("decision").path("allowed").asBoolean()).isTrue();
    assertThat(notification.path("decisions")).hasSize(2);
    assertThat(notification.path("decisions").get(1).path("reason").asText()).isEqualTo("QUIET_HOURS");
    assertThat(notification.path("decisions").get(1).path("notBefore").asText())
        .isEqualTo("2027-03-03T08:00:00+08:00");
  }

  @Test
  void theHistoryIsReadByCollectionLegalComplaintsRiskAndChannelsOnly() {
    for (String user : List.of("collector", "senior", "lawyer", "handler", "supervisor", "risk", "auditor", "channel",
        "demo")) {
      HttpResponse<String> answer = http.get(contacts(), user, "demo");
      assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(http.get(contacts(), "marketer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(contacts(), "officer", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get(contacts()).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = http.get("/api/loans/LN-NOPE/contacts", "collector", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aCeaseContactRequestIsIdempotentByReferenceAndStopsCollectionCalls() throws Exception {
    ContactFixture.clock(shanghai("2027-03-02T10:00:00"));
    String body = "{\"requestReference\": \"APP-CEASE-" + loan + "\", \"note\": \"Only by letter, please\"}";

    HttpResponse<String> created = http.postJson(ceasePath(), body, "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue(ceasePath() + "/APP-CEASE-" + loan);
    JsonNode view = json.readTree(created.body());
    assertThat(view.path("active").asBoolean()).isTrue();
    assertThat(view.path("requestedBy").asText()).isEqualTo("channel");
    assertThat(view.path("note").asText()).isEqualTo("Only by letter, please");

    HttpResponse<String> repeated = http.postJson(ceasePath(), body, "channel", "demo");
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(ceaseRequestsStored()).isEqualTo(1);
    HttpResponse<String> otherNote = http.postJson(ceasePath(),
        "{\"requestReference\": \"APP-CEASE-" + loan + "\", \"note\": \"something else\"}", "channel", "demo");
    assertThat(otherNote.statusCode()).isEqualTo(409);

    assertThat(policy.callAllowedNow(loan).reason()).isEqualTo("CEASE_CONTACT");
    JsonNode history = json.readTree(http.get(contacts(), "collector", "demo").body());
    assertThat(history.path("ceaseContact").asBoolean()).isTrue();
    assertThat(history.path("callNow").path("reason").asText()).isEqualTo("CEASE_CONTACT");
    assertThat(http.get(ceasePath() + "/APP-CEASE-" + loan, "collector", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void aCeaseContactRequestIsWithdrawnByTheChannelNotByACollector() throws Exception {
    String reference = "APP-CEASE-W-" + loan;
    assertThat(http.postJson(ceasePath(), "{\"requestReference\": \"" + reference + "\"}", "collector", "demo")
        .statusCode()).isEqualTo(201);

    assertThat(http.delete(ceasePath() + "/" + reference, "collector", "demo").statusCode()).isEqualTo(403);
    HttpResponse<String> withdrawn = http.delete(ceasePath() + "/" + reference, "channel", "demo");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    JsonNode view = json.readTree(withdrawn.body());
    assertThat(view.path("active").asBoolean()).isFalse();
    assertThat(view.path("withdrawnBy").asText()).isEqualTo("channel");
    assertThat(http.delete(ceasePath() + "/" + reference, "channel", "demo").statusCode()).isEqualTo(200);
    assertThat(http.delete(ceasePath() + "/NO-SUCH-REF", "channel", "demo").statusCode()).isEqualTo(404);
    ContactFixture.clock(shanghai("2027-03-02T10:00:00"));
    assertThat(policy.callAllowedNow(loan).allowed()).isTrue();
  }

  @Test
  void badCeaseContactRequestsAreRefusedAndChangeNothing() {
    for (String bad : List.of("{}", "{\"requestReference\": \"\"}", "{\"requestReference\": \"has space\"}",
        "{\"requestReference\": \"R-1\", \"note\": \"" + "x".repeat(501) + "\"}",
        "{\"requestReference\": \"R-1\", \"phone\": \"+8613912345678\"}",
        "{\"requestReference\": \"R-1\"} trailing", "[\"R-1\"]")) {
      HttpResponse<String> answer = http.postJson(ceasePath(), bad, "channel", "demo");
      assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isEqualTo(400);
    }
    assertThat(ceaseRequestsStored()).isZero();
    assertThat(http.postJson("/api/loans/LN-NOPE/cease-contact-requests", "{\"requestReference\": \"R-404\"}",
        "channel", "demo").statusCode()).isEqualTo(404);
    assertThat(http.postJson(ceasePath(), "{\"requestReference\": \"R-403\"}", "lawyer", "demo").statusCode())
        .isEqualTo(403);
    assertThat(http.postJson(ceasePath(), "{\"requestReference\": \"R-401\"}").statusCode()).isEqualTo(401);
    assertThat(ceaseRequestsStored()).isZero();
  }
}
