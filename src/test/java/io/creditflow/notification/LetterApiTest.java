package io.creditflow.notification;

import static io.creditflow.notification.LiveFixture.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.CustomerService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Letters: a LETTER notification is stored for printing when sent (embedded default, delivery=log), listed for the
 * print shop and marked printed, through the real HTTP layer.
 */
@CreditFlowWebTest
class LetterApiTest {

  private static final String SUBJECT_TYPE = "letter-test";

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired LetterRepository letters;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired CustomerService customers;
  @Autowired ObjectMapper objectMapper;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  private final String loan = "LN-" + UUID.randomUUID();
  private Http http;

  @BeforeEach
  void setUp() {
    BackgroundDispatch.stop(context);
    http = new Http(port);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan)
        .forEach(notification -> letters.deleteById(notification.getId()));
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan));
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return objectMapper.readTree(response.body());
  }

  private JsonNode find(JsonNode list, String letterId) {
    for (JsonNode letter : list) {
      if (letter.path("letterId").asText().equals(letterId)) {
        return letter;
      }
    }
    return null;
  }

  @Test
  void aLetterIsStoredListedAndMarkedPrinted() throws Exception {
    clockAt(Instant.parse("2098-06-01T02:00:00Z"));
    String customerId = LiveFixture.customer(customers, "王芳", "wang.fang@example.cn", "zh-CN");
    Notification demand = notifications.enqueue(NotificationRequest.of(loan + ":settled", "LOAN_SETTLED",
        NotificationChannel.LETTER, customerId, SUBJECT_TYPE, loan, "servicing.loan-settled",
        Map.of("loanNumber", loan, "settledOn", "2098-05-31"), "zh-CN"));

    dispatcher.dispatchDue();
    // sending again (a lease ran out on another node) stores nothing twice
    dispatcher.dispatchDue();

    assertThat(notifications.find(demand.getId()).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
    HttpResponse<String> toPrint = http.get("/api/letters?status=TO_PRINT&limit=500", "ops", "demo");
    assertThat(toPrint.statusCode()).isEqualTo(200);
    JsonNode letter = find(json(toPrint), demand.getId());
    assertThat(letter).isNotNull();
    assertThat(letter.path("notificationId").asText()).isEqualTo(demand.getId());
    assertThat(letter.path("customerId").asText()).isEqualTo(customerId);
    assertThat(letter.path("recipientName").asText()).isEqualTo("王芳");
    assertThat(letter.path("language").asText()).isEqualTo("zh-CN");
    assertThat(letter.path("title").asText()).isEqualTo("贷款" + loan + "已结清");
    assertThat(letter.path("body").asText()).isEqualTo("尊敬的王芳，您的贷款" + loan + "已于2098-05-31全部结清。感谢您的信任。");
    assertThat(letter.path("status").asText()).isEqualTo("TO_PRINT");
    assertThat(letter.toString()).doesNotContain("wang.fang@example.cn").doesNotContain(LiveFixture.MOBILE);

    HttpResponse<String> printed = http.postJson("/api/letters/" + demand.getId() + "/printed", "", "ops", "demo");
    assertThat(printed.statusCode()).isEqualTo(200);
    assertThat(json(printed).path("status").asText()).isEqualTo("PRINTED");
    assertThat(json(printed).path("printedBy").asText()).isEqualTo("ops");
    assertThat(json(printed).path("printedAt").asText()).startsWith("2098-06-01T10:00");
    // repeating it changes nothing
    clockAt(Instant.parse("2098-06-02T02:00:00Z"));
    HttpResponse<String> again = http.postJson("/api/letters/" + demand.getId() + "/printed", "", "demo", "demo");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("printedBy").asText()).isEqualTo("ops");
    assertThat(json(again).path("printedAt").asText()).startsWith("2098-06-01T10:00");

    assertThat(find(json(http.get("/api/letters?limit=500", "ops", "demo")), demand.getId())).isNull();
    assertThat(find(json(http.get("/api/letters?status=PRINTED&limit=500", "ops", "demo")), demand.getId()))
        .isNotNull();
    assertThat(json(http.get("/api/letters/" + demand.getId(), "ops", "demo")).path("status").asText())
        .isEqualTo("PRINTED");
    assertThat(letters.count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badInputAndTheWrongGroupAreRefused() throws Exception {
    HttpResponse<String> badStatus = http.get("/api/letters?status=LOST", "ops", "demo");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(http.get("/api/letters?limit=0", "ops", "demo").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = http.postJson("/api/letters/" + UUID.randomUUID() + "/printed", "", "ops", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("detail").asText()).startsWith("No letter ");
    assertThat(http.get("/api/letters", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/letters", "auditor", "demo").statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/letters/x/printed", "", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/letters").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/notifications/" + UUID.randomUUID(), "auditor", "demo").statusCode()).isEqualTo(404);
  }
}
