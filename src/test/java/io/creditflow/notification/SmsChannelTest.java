package io.creditflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.creditflow.notification.LiveFixture.MASKED_MOBILE;
import static io.creditflow.notification.LiveFixture.MOBILE;
import static io.creditflow.notification.LiveFixture.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.StaffGroups;
import io.creditflow.support.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SMS through the HTTP gateway (a local WireMock), and what happens when the gateway keeps failing: retries, FAILED,
 * a {@code notificationFailure} task for operations, and its two outcomes.
 */
@LiveNotificationTest
@ExtendWith(OutputCaptureExtension.class)
class SmsChannelTest {

  private static final String SUBJECT_TYPE = "sms-test";

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired CustomerService customers;
  @Autowired WireMockServer smsGateway;
  @Autowired ProcessEngine engine;
  @Autowired MeterRegistry meters;
  @Autowired AuditTrail auditTrail;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;

  private final String loan = "LN-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    smsGateway.resetAll();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan));
  }

  private void gatewayAnswers(int status) {
    smsGateway.stubFor(post(urlEqualTo(LiveNotificationTest.SMS_PATH)).willReturn(aResponse().withStatus(status)));
  }

  private Notification enqueue(String name, NotificationChannel channel, String language) {
    String customerId = LiveFixture.customer(customers, "Li Wei", "li.wei@example.com", language);
    return notifications.enqueue(LiveFixture.reminder(loan + ":" + name, channel, customerId, SUBJECT_TYPE, loan,
        language));
  }

  private Notification reload(Notification notification) {
    return notifications.find(notification.getId()).orElseThrow();
  }

  private double count(String outcome, String channel) {
    return meters.counter("creditflow.notifications." + outcome, "channel", channel).count();
  }

  private int gatewayRequests() {
    return smsGateway.findAll(postRequestedFor(urlEqualTo(LiveNotificationTest.SMS_PATH))).size();
  }

  /** Drives the notification through all three attempts (back-off 1 and 2 minutes) to FAILED. */
  private Instant failThreeTimes(Notification notification, Instant start) {
    gatewayAnswers(500);
    clockAt(start);
    dispatcher.dispatchDue();
    Notification afterFirst = reload(notification);
    assertThat(afterFirst.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(afterFirst.getAttempts()).isEqualTo(1);
    assertThat(afterFirst.getNotBefore()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    clockAt(start.plus(Duration.ofMinutes(1)));
    dispatcher.dispatchDue();
    assertThat(reload(notification).getAttempts()).isEqualTo(2);
    Instant last = start.plus(Duration.ofMinutes(3));
    clockAt(last);
    dispatcher.dispatchDue();
    return last;
  }

  private ProcessInstance failureProcess(Notification notification) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NotificationFailureProcess.KEY)
        .processInstanceBusinessKey(notification.getId()).singleResult();
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).initializeFormKeys()
        .singleResult();
  }

  @Test
  void anSmsGoesToTheGatewayWithTheTextInTheCustomersLanguageAndTheNumberMaskedInLogs(CapturedOutput output) {
    gatewayAnswers(202);
    clockAt(Instant.parse("2097-01-01T02:00:00Z"));
    double sentBefore = count("sent", "SMS");
    Notification reminder = enqueue("sms", NotificationChannel.SMS, "zh-CN");

    assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(1);

    assertThat(reload(reminder).getStatus()).isEqualTo(NotificationStatus.SENT);
    smsGateway.verify(1, postRequestedFor(urlEqualTo(LiveNotificationTest.SMS_PATH))
        .withBasicAuth(new BasicCredentials("creditflow-sms", "sms-s3cret"))
        .withHeader("Content-Type", containing("application/json"))
        .withHeader("Idempotency-Key", equalTo(reminder.getId()))
        .withRequestBody(matchingJsonPath("$.messageId", equalTo(reminder.getId())))
        .withRequestBody(matchingJsonPath("$.to", equalTo(MOBILE)))
        .withRequestBody(matchingJsonPath("$.language", equalTo("zh-CN")))
        .withRequestBody(matchingJsonPath("$.text", containing("尊敬的Li Wei，您的贷款" + loan + "第3期将于2027-03-02到期")))
        .withRequestBody(matchingJsonPath("$.text", containing("应还金额：1066.19 CNY"))));
    assertThat(count("sent", "SMS")).isEqualTo(sentBefore + 1);
    assertThat(output.getAll()).contains("Notification " + reminder.getId() + " PAYMENT_REMINDER via SMS delivered "
        + "to the SMS gateway for " + MASKED_MOBILE).doesNotContain(MOBILE).doesNotContain("1066.19");
  }

  @Test
  void anAppPushGoesBySmsWhenNoPushGatewayIsConfigured() {
    gatewayAnswers(200);
    clockAt(Instant.parse("2097-02-01T02:00:00Z"));
    Notification push = enqueue("push", NotificationChannel.APP_PUSH, "en");

    dispatcher.dispatchDue();

    assertThat(reload(push).getStatus()).isEqualTo(NotificationStatus.SENT);
    smsGateway.verify(1, postRequestedFor(urlEqualTo(LiveNotificationTest.SMS_PATH))
        .withRequestBody(matchingJsonPath("$.to", equalTo(MOBILE)))
        .withRequestBody(matchingJsonPath("$.text", containing("Dear Li Wei, instalment 3 of your loan " + loan))));
  }

  @Test
  void aFailingGatewayIsRetriedThenTheNotificationFailsWithATaskForOperationsAndRetrySendsItAgain(
      CapturedOutput output) throws Exception {
    Notification reminder = enqueue("retry", NotificationChannel.SMS, "en");
    double failedBefore = count("failed", "SMS");

    Instant failedAt = failThreeTimes(reminder, Instant.parse("2097-03-01T02:00:00Z"));

    Notification failed = reload(reminder);
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(3);
    assertThat(failed.getLastError()).startsWith("IllegalStateException: SMS gateway at http://localhost:")
        .endsWith("answered HTTP 500").doesNotContain(MOBILE);
    assertThat(gatewayRequests()).isEqualTo(3);
    assertThat(count("failed", "SMS")).isEqualTo(failedBefore + 1);
    assertThat(output.getAll()).doesNotContain(MOBILE);

    // visible: a task for operations, showing the notification with the number masked
    ProcessInstance process = failureProcess(reminder);
    assertThat(process).isNotNull().isWaitingAt(NotificationFailureProcess.TASK_RESOLVE)
        .variables().containsEntry(NotificationFailureProcess.NOTIFICATION_ID, reminder.getId());
    Task task = task(process);
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("Form_NotificationFailure");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(StaffGroups.OPERATIONS));
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(task.getId());
    assertThat(shown).containsEntry("notificationType", "PAYMENT_REMINDER")
        .containsEntry("notificationChannel", "SMS")
        .containsEntry("templateKey", "servicing.payment-reminder")
        .containsEntry("recipient", MASKED_MOBILE)
        .containsEntry("attempts", 3)
        .containsEntry("notificationSubject", SUBJECT_TYPE + " " + loan);
    assertThat((String) shown.get("lastError")).contains("HTTP 500");
    assertThat(shown.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains(MOBILE));

    // the gateway works again; ops, signed in as a member of operations, sends it again
    gatewayAnswers(200);
    engine.getIdentityService().setAuthentication("ops", List.of(StaffGroups.OPERATIONS));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of()))
          .rootCause().hasMessage("failureOutcome must be one of [RETRY, CANCEL].");
      engine.getTaskService().claim(task.getId(), "ops");
      engine.getTaskService().complete(task.getId(), Map.of(NotificationFailureProcess.OUTCOME, "RETRY"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(process).hasPassed("Task_RetryNotification", "EndEvent_Retried").isEnded();
    Notification queued = reload(reminder);
    assertThat(queued.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(queued.getAttempts()).isZero();
    assertThat(queued.getNotBefore()).isEqualTo(failedAt);
    assertThat(auditTrail.of("notification", reminder.getId())).singleElement()
        .satisfies(event -> {
          assertThat(event.getAction()).isEqualTo("NOTIFICATION_RETRIED");
          assertThat(event.getActor()).isEqualTo("ops");
        });

    dispatcher.dispatchDue();

    Notification sent = reload(reminder);
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(gatewayRequests()).isEqualTo(4);

    // the staff view of the notification: the number masked
    Http http = new Http(port);
    JsonNode view = objectMapper.readTree(http.get("/api/notifications/" + reminder.getId(), "ops", "demo").body());
    assertThat(view.path("status").asText()).isEqualTo("SENT");
    assertThat(view.path("recipient").asText()).isEqualTo(MASKED_MOBILE);
    assertThat(view.path("lastError").asText()).contains("HTTP 500");
    assertThat(view.toString()).doesNotContain(MOBILE).doesNotContain("1066.19");
  }

  @Test
  void operationsCancelAFailedNotificationWithAReasonAndItIsNeverSent() {
    Notification reminder = enqueue("cancel", NotificationChannel.SMS, "en");
    Instant failedAt = failThreeTimes(reminder, Instant.parse("2097-04-01T02:00:00Z"));
    assertThat(reload(reminder).getStatus()).isEqualTo(NotificationStatus.FAILED);
    ProcessInstance process = failureProcess(reminder);
    Task task = task(process);
    engine.getTaskService().claim(task.getId(), "ops");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of(NotificationFailureProcess.OUTCOME, "CANCEL")))
        .rootCause().isInstanceOf(NotificationRuleViolation.class).hasMessageContaining("cancelReason");
    assertThat(process).isWaitingAt(NotificationFailureProcess.TASK_RESOLVE);

    engine.getTaskService().complete(task.getId(), Map.of(NotificationFailureProcess.OUTCOME, "CANCEL",
        NotificationFailureProcess.CANCEL_REASON, "Customer changed number; reminder no longer relevant"));

    assertThat(process).hasPassed("Task_CancelNotification", "EndEvent_Cancelled").hasNotPassed(
        "Task_RetryNotification").isEnded();
    assertThat(process).variables().containsEntry(NotificationFailureProcess.RESOLVED_BY, "ops");
    Notification cancelled = reload(reminder);
    assertThat(cancelled.getStatus()).isEqualTo(NotificationStatus.CANCELLED);
    assertThat(cancelled.getCancelReason()).isEqualTo("Customer changed number; reminder no longer relevant");

    gatewayAnswers(200);
    clockAt(failedAt.plus(Duration.ofDays(1)));
    dispatcher.dispatchDue();
    assertThat(gatewayRequests()).isEqualTo(3);
    assertThat(reload(reminder).getStatus()).isEqualTo(NotificationStatus.CANCELLED);
    assertThat(auditTrail.of("notification", reminder.getId())).extracting(event -> event.getAction())
        .containsExactly("NOTIFICATION_CANCELLED");
  }

  @Test
  void theStaffViewNeedsTheRightGroup() {
    Http http = new Http(port);
    assertThat(http.get("/api/notifications/" + UUID.randomUUID(), "ops", "demo").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/notifications/x", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/notifications/x").statusCode()).isEqualTo(401);
    assertThat(List.of(http.get("/api/letters", "channel", "demo").statusCode())).containsExactly(403);
  }
}
