package io.creditflow.origination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** From {@code POST /api/applications} to a disbursed loan, with the job executor on, as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true"})
@ActiveProfiles("test")
class OriginationEndToEndTest {

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Test
  void aPrimeApplicationBecomesADisbursedLoan() throws Exception {
    Http http = new Http(port);
    String body = primeApplication("E2E-" + UUID.randomUUID());

    String id = json.readTree(http.postJson("/api/applications", body, "channel", "demo").body())
        .path("applicationId").asText();
    JsonNode offered = awaitStatus(http, id, "OFFERED");
    assertThat(offered.path("decision").path("outcome").asText()).isEqualTo("AUTO_APPROVE");
    assertThat(offered.path("decision").path("grade").asText()).isEqualTo("A");
    assertThat(offered.path("decision").path("reasons").size()).isBetween(3, 4);
    assertThat(offered.path("offer").path("monthlyInstalment").decimalValue()).isPositive();

    var accepted = http.postJson("/api/applications/" + id + "/acceptance", "{\"accepted\": true}", "channel", "demo");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json.readTree(accepted.body()).path("status").asText()).isEqualTo("ACCEPTED");
    // a read that waits while the application is ACCEPTED is answered once the job executor has disbursed it
    JsonNode disbursed = json.readTree(http.get("/api/applications/" + id + "?whileStatus=ACCEPTED&waitSeconds=25",
        "channel", "demo").body());
    assertThat(disbursed.path("status").asText()).isEqualTo("DISBURSED");

    assertThat(disbursed.path("loanNumber").asText()).startsWith("LN");
  }

  /** A PRIME applicant's application (sandbox persona, a fresh national id) under {@code externalReference}. */
  static String primeApplication(String externalReference) {
    return """
        { "externalReference": "%s", "channel": "MOBILE_APP",
          "applicant": { "nationalId": "%s", "fullName": "Li Wei", "dateOfBirth": "1990-04-12",
                         "mobile": "+8613800138000", "email": "li.wei@example.com", "monthlyIncome": 18000.00,
                         "employmentMonths": 48, "monthlyDebtPayments": 1500.00, "dependants": 1 },
          "requestedAmount": 50000.00, "termMonths": 24, "purpose": "HOME_RENOVATION" }"""
        .formatted(externalReference, OriginationProcessTest.nationalId("PRIME"));
  }

  private JsonNode awaitStatus(Http http, String id, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode application = null;
    while (Instant.now().isBefore(deadline)) {
      application = json.readTree(http.get("/api/applications/" + id, "channel", "demo").body());
      if (status.equals(application.path("status").asText())) {
        return application;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("application " + id + " did not reach " + status + " in 60 s: " + application);
  }
}
