package io.creditflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.creditflow.notification.LiveFixture.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.creditflow.customer.CustomerService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service task that writes to the outbox and is retried by the job executor sends the message once: a failed run
 * rolls its notification back, and a repeated run finds the stored one by its idempotency key.
 */
@LiveNotificationTest
class OutboxJobRetryTest {

  private static final String SUBJECT_TYPE = "job-retry-test";
  private static final String PROCESS = "outboxJobRetryTest";

  /** Task_Notify: enqueues the reminder of the loan (business key), then fails while {@link #failures} last. */
  public static class EnqueueThenFailDelegate implements JavaDelegate {

    static NotificationService notifications;
    static String customerId;
    static final AtomicInteger failures = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
      String loan = execution.getBusinessKey();
      notifications.enqueue(LiveFixture.reminder(loan + ":REMINDER", NotificationChannel.SMS, customerId,
          SUBJECT_TYPE, loan, "en"));
      if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("ledger briefly unavailable");
      }
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired CustomerService customers;
  @Autowired WireMockServer smsGateway;

  private final String loan = "LN-" + UUID.randomUUID();

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    smsGateway.resetAll();
    smsGateway.stubFor(post(urlEqualTo(LiveNotificationTest.SMS_PATH)).willReturn(aResponse().withStatus(200)));
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Due")
        .serviceTask("Task_Notify").camundaAsyncBefore().camundaClass(EnqueueThenFailDelegate.class.getName())
        .receiveTask("Task_Wait")
        .endEvent("EndEvent_Done")
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model)
        .enableDuplicateFiltering(true).deploy();
    EnqueueThenFailDelegate.notifications = notifications;
    EnqueueThenFailDelegate.customerId = LiveFixture.customer(customers, "Li Wei", "li.wei@example.com", "en");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    EnqueueThenFailDelegate.failures.set(0);
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan));
  }

  private int smsSent() {
    return smsGateway.findAll(postRequestedFor(urlEqualTo(LiveNotificationTest.SMS_PATH))).size();
  }

  private Job job(ProcessInstance process) {
    return engine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
  }

  @Test
  void aRetriedServiceTaskSendsItsNotificationOnce() {
    clockAt(Instant.parse("2099-01-01T02:00:00Z"));
    EnqueueThenFailDelegate.failures.set(1);
    ProcessInstance process = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, loan);

    // first run fails after enqueueing: the notification is rolled back with the step, nothing is sent
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job(process).getId()))
        .hasMessageContaining("ledger briefly unavailable");
    assertThat(job(process).getRetries()).isEqualTo(2);
    assertThat(notifications.of(SUBJECT_TYPE, loan)).isEmpty();
    dispatcher.dispatchDue();
    assertThat(smsSent()).isZero();

    // the job's retry succeeds: one notification, sent once
    engine.getManagementService().executeJob(job(process).getId());
    assertThat(process).isWaitingAt("Task_Wait");
    List<Notification> stored = notifications.of(SUBJECT_TYPE, loan);
    assertThat(stored).hasSize(1);
    dispatcher.dispatchDue();
    assertThat(smsSent()).isEqualTo(1);

    // the step runs again after it committed (a job executed twice, or repeated from Cockpit): same notification
    engine.getRuntimeService().createProcessInstanceModification(process.getId())
        .startBeforeActivity("Task_Notify").execute();
    engine.getManagementService().executeJob(job(process).getId());
    assertThat(notifications.of(SUBJECT_TYPE, loan)).singleElement().satisfies(notification -> {
      assertThat(notification.getId()).isEqualTo(stored.get(0).getId());
      assertThat(notification.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(notification.getAttempts()).isEqualTo(1);
    });
    dispatcher.dispatchDue();
    assertThat(smsSent()).isEqualTo(1);
  }
}
