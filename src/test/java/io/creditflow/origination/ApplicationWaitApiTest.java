package io.creditflow.origination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/applications/{id}?whileStatus=…&waitSeconds=…} over real HTTP: a channel's read that waits for the
 * decision (long polling). The job executor is off in tests, so the test moves the process on itself while the read
 * waits.
 */
@CreditFlowWebTest
class ApplicationWaitApiTest {

  private static final String PATH = "/api/applications";

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Autowired
  ManagementService management;

  @Autowired
  ApplicationStatusWatch watch;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void aReadThatWaitsIsAnsweredOnceTheApplicationIsDecided() throws Exception {
    JsonNode created = submit();
    String id = created.path("applicationId").asText();
    int waitingBefore = watch.waitingCount();

    CompletableFuture<HttpResponse<String>> read = CompletableFuture.supplyAsync(
        () -> http.get(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=25", "channel", "demo"));
    awaitWaiting(waitingBefore + 1);
    assertThat(read).isNotDone();

    runAsyncSteps(created.path("processInstanceId").asText());

    HttpResponse<String> answer = read.get(20, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode application = json.readTree(answer.body());
    assertThat(application.path("status").asText()).isEqualTo("OFFERED");
    assertThat(application.path("decision").path("outcome").asText()).isEqualTo("AUTO_APPROVE");
    assertThat(application.path("offer").path("monthlyInstalment").decimalValue()).isPositive();
    assertThat(watch.waitingCount()).isEqualTo(waitingBefore);
  }

  @Test
  void aReadOfAStatusTheApplicationIsNotInIsAnsweredAtOnce() throws Exception {
    String id = submit().path("applicationId").asText();

    HttpResponse<String> answer = http.get(PATH + "/" + id + "?whileStatus=OFFERED&waitSeconds=25", "channel", "demo");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).path("status").asText()).isEqualTo("RECEIVED");
  }

  @Test
  void aReadThatWaitsIsAnsweredWhenItsTimeIsUpWithTheApplicationAsItIs() throws Exception {
    String id = submit().path("applicationId").asText();
    int waitingBefore = watch.waitingCount();

    HttpResponse<String> answer = http.get(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=1", "channel", "demo");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode application = json.readTree(answer.body());
    assertThat(application.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(application.hasNonNull("decision")).isFalse();
    assertThat(watch.waitingCount()).isEqualTo(waitingBefore);
  }

  @Test
  void badWaitsAreProblemsAndOnlyReadersMayWait() throws Exception {
    String id = submit().path("applicationId").asText();
    assertProblem(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=0", 400, "waitSeconds");
    assertProblem(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=26", 400, "waitSeconds");
    assertProblem(PATH + "/" + id + "?waitSeconds=5", 400, "waitSeconds");
    HttpResponse<String> unknownStatus = http.get(PATH + "/" + id + "?whileStatus=THINKING", "channel", "demo");
    assertThat(unknownStatus.statusCode()).isEqualTo(400);
    assertThat(unknownStatus.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));

    HttpResponse<String> missing = http.get(PATH + "/no-such-application?whileStatus=RECEIVED", "channel", "demo");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).path("detail").asText()).contains("no-such-application");
    assertThat(http.get(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=1", "collector", "demo").statusCode())
        .isEqualTo(403);
    assertThat(http.get(PATH + "/" + id + "?whileStatus=RECEIVED&waitSeconds=1").statusCode()).isEqualTo(401);
  }

  private void assertProblem(String path, int status, String field) throws Exception {
    int waitingBefore = watch.waitingCount();
    HttpResponse<String> response = http.get(path, "channel", "demo");
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field")).as(response.body())
        .contains(field);
    assertThat(watch.waitingCount()).isEqualTo(waitingBefore);
  }

  private JsonNode submit() throws Exception {
    String body = OriginationEndToEndTest.primeApplication("WAIT-" + UUID.randomUUID());
    HttpResponse<String> response = http.postJson(PATH, body, "channel", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json.readTree(response.body());
  }

  /** Runs the process's asynchronous steps (not its timers) until it waits for the customer's answer. */
  private void runAsyncSteps(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().executable()
          .singleResult();
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
    throw new AssertionError("the process of " + processInstanceId + " still has asynchronous steps after 10");
  }

  private void awaitWaiting(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (watch.waitingCount() < count) {
      assertThat(System.nanoTime()).as("the read did not start waiting").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
