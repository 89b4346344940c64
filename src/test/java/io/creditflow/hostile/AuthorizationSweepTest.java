package io.creditflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.collection.CollectionProcess;
import io.creditflow.customer.CustomerService;
import io.creditflow.hostile.Endpoints.Endpoint;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.identity.StaffGroups;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.DueJobs;
import io.creditflow.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may call what, swept over every endpoint rather than one per feature (the feature tests check their own
 * endpoints' rules; {@code ApplicationHttpTest} the basics): every {@code /api} endpoint (from Spring MVC's handler
 * mapping) and every {@code /engine-rest} resource (from the JAX-RS resources Camunda registers) refuses anonymous
 * calls; {@code channel} (api-clients) is refused every staff endpoint; and through {@code /engine-rest} a user can
 * neither read, claim, complete nor re-route a task of another group.
 */
@CreditFlowWebTest
class AuthorizationSweepTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  Http http;
  Endpoints endpoints;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    endpoints = Endpoints.of(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyApiEndpointRefusesAnonymousCalls() throws Exception {
    assertThat(endpoints.all()).hasSizeGreaterThan(40); // the enumeration found the API
    List<String> failures = new ArrayList<>();
    for (Endpoint endpoint : endpoints.all()) {
      String path = endpoint.pattern().replaceAll("\\{[^}]+}", "x1");
      HttpResponse<String> response = http.send(http.request(path).header("Content-Type", "application/json")
          .method(endpoint.method().name(), endpoint.writes()
              ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody()));
      if (response.statusCode() != 401 || !response.headers().firstValue("WWW-Authenticate").orElse("")
          .startsWith("Basic") || json.readTree(response.body()).path("status").asInt() != 401) {
        failures.add(endpoint + ": " + response.statusCode() + " " + response.body());
      }
    }
    assertThat(failures).as("anonymous calls that were not refused with 401").isEmpty();
  }

  @Test
  void everyEngineRestResourceRefusesAnonymousCalls() {
    Set<String> resources = EngineRestResources.paths();
    assertThat(resources).contains("/task", "/process-instance", "/process-definition", "/deployment", "/user",
        "/group", "/authorization", "/job", "/variable-instance", "/history", "/history/process-instance",
        "/history/task", "/filter", "/incident", "/message", "/signal", "/batch", "/external-task", "/tenant");
    List<String> failures = new ArrayList<>();
    for (String resource : resources) {
      for (String base : List.of("/engine-rest", "/engine-rest/engine/default")) {
        for (String suffix : List.of("", "/count", "/x1")) {
          for (String method : METHODS) {
            HttpResponse<String> response = http.send(http.request(base + resource + suffix)
                .header("Content-Type", "application/json").method(method, method.equals("GET")
                    || method.equals("OPTIONS") || method.equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
            if (response.statusCode() != 401) {
              failures.add(method + " " + base + resource + suffix + ": " + response.statusCode());
            }
          }
        }
      }
    }
    for (String other : List.of("/engine-rest", "/engine-rest/engine", "/engine-rest/x1",
        "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/process-instance")) {
      HttpResponse<String> response = http.get(other);
      if (response.statusCode() != 401) {
        failures.add("GET " + other + ": " + response.statusCode());
      }
    }
    assertThat(failures).as("anonymous engine REST calls that were not refused with 401").isEmpty();
  }

  @Test
  void channelIsRefusedEveryStaffEndpoint() throws Exception {
    List<Endpoint> staff = endpoints.all().stream()
        .filter(e -> !e.openToAll() && !e.allows(StaffGroups.API_CLIENTS)).toList();
    assertThat(staff).extracting(Endpoint::pattern)
        .contains("/api/admin/clock", "/api/cob-runs", "/api/inspections", "/api/reports/collections");
    List<String> failures = new ArrayList<>();
    ValidBodies bodies = new ValidBodies(new Random(7), LocalDate.now(ZONE), List.of("x1"));
    for (Endpoint endpoint : staff) {
      String path = endpoint.withQuery(endpoint.pattern().replaceAll("\\{[^}]+}", "x1"));
      // a valid body: @PreAuthorize runs when the handler is invoked, after the body was read and validated
      String body = endpoint.bodyType() == null ? "{}" : bodies.of(endpoint.bodyType()).toString();
      HttpResponse<String> response = http.send(http.request(path, "channel", "demo")
          .header("Content-Type", "application/json").method(endpoint.method().name(), endpoint.writes()
              ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
      JsonNode problem = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
      if (response.statusCode() != 403 || problem.path("status").asInt() != 403) {
        failures.add(endpoint + ": " + response.statusCode() + " " + response.body());
      }
    }
    assertThat(failures).as("staff endpoints channel was not refused").isEmpty();
  }

  @Test
  void usersCannotReadClaimCompleteOrRerouteAnotherGroupsTask() throws Exception {
    Task creditTask = referredApplicationReview();
    Task callTask = collectionCall();
    assertThat(candidateGroups(creditTask)).containsExactly(StaffGroups.CREDIT_OFFICERS);
    assertThat(candidateGroups(callTask)).containsExactly(StaffGroups.COLLECTORS);

    // the positive control: the task's own group reads it (so a refusal below is about the group, not the request)
    assertThat(http.get("/engine-rest/task/" + creditTask.getId(), "officer", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + callTask.getId(), "collector", "demo").statusCode()).isEqualTo(200);

    List<String> failures = new ArrayList<>();
    for (String outsider : List.of("collector", "channel", "lawyer", "handler", "marketer")) {
      failures.addAll(attempts(creditTask, outsider));
    }
    for (String outsider : List.of("officer", "manager", "channel", "lawyer", "handler")) {
      failures.addAll(attempts(callTask, outsider));
    }
    assertThat(failures).as("what outsiders managed on another group's task").isEmpty();

    for (Task task : List.of(creditTask, callTask)) {
      Task now = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(now).as("task %s still open", task.getName()).isNotNull();
      assertThat(now.getAssignee()).isNull();
      assertThat(now.getName()).isEqualTo(task.getName());
      assertThat(now.getPriority()).isEqualTo(task.getPriority());
      assertThat(candidateGroups(now)).isEqualTo(candidateGroups(task));
      assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
      assertThat(engine.getTaskService().getVariables(task.getId())).doesNotContainKey("hijacked");
    }
  }

  /** Everything an outsider might try on a task through the engine REST API; what was not refused. */
  private List<String> attempts(Task task, String user) throws Exception {
    String id = task.getId();
    String base = "/engine-rest/task/" + id;
    List<String> failures = new ArrayList<>();
    refused(failures, user, http.get(base, user, "demo"), "read");
    refused(failures, user, http.get(base + "/variables", user, "demo"), "read variables");
    refused(failures, user, http.get(base + "/form-variables", user, "demo"), "read form variables");
    refused(failures, user, http.get(base + "/identity-links", user, "demo"), "read identity links");
    refused(failures, user, http.postJson(base + "/claim", "{\"userId\":\"" + user + "\"}", user, "demo"), "claim");
    refused(failures, user, http.postJson(base + "/assignee", "{\"userId\":\"" + user + "\"}", user, "demo"),
        "assign");
    refused(failures, user, http.postJson(base + "/complete", "{}", user, "demo"), "complete");
    refused(failures, user, http.postJson(base + "/submit-form", "{}", user, "demo"), "submit form");
    refused(failures, user, http.postJson(base + "/identity-links",
        "{\"groupId\":\"" + groupOf(user) + "\",\"type\":\"candidate\"}", user, "demo"), "add own group");
    refused(failures, user, http.putJson(base, "{\"name\":\"hijacked\",\"priority\":1}", user, "demo"), "update");
    refused(failures, user, http.putJson(base + "/variables/hijacked", "{\"value\":1,\"type\":\"Integer\"}", user,
        "demo"), "set variable");
    refused(failures, user, http.postJson(base + "/comment/create", "{\"message\":\"x\"}", user, "demo"),
        "comment");
    refused(failures, user, http.delete(base, user, "demo"), "delete");
    empty(failures, user, http.get("/engine-rest/task?taskId=" + id, user, "demo"), "find by id");
    empty(failures, user, http.get("/engine-rest/task?processInstanceId=" + task.getProcessInstanceId(), user,
        "demo"), "find by process instance");
    empty(failures, user, http.get("/engine-rest/task?candidateGroup=" + candidateGroups(task).get(0), user, "demo"),
        "find by the other group");
    empty(failures, user, http.get("/engine-rest/history/task?taskId=" + id, user, "demo"), "history");
    empty(failures, user, http.get("/engine-rest/variable-instance?processInstanceIdIn="
        + task.getProcessInstanceId(), user, "demo"), "process variables");
    refused(failures, user, http.get("/engine-rest/process-instance/" + task.getProcessInstanceId()
        + "/variables", user, "demo"), "read the process instance's variables");
    return failures;
  }

  /**
   * Not done: the engine answers 403, or 404/400 ("no task found": it does not show the task to them), or for delete
   * a 500 (a task of a running process cannot be deleted by anyone); the task's state is checked afterwards.
   */
  private void refused(List<String> failures, String user, HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status / 100 == 2 || status / 100 == 3) {
      failures.add(user + " could " + what + ": " + status + " " + response.body());
    }
  }

  private void empty(List<String> failures, String user, HttpResponse<String> response, String what)
      throws Exception {
    if (response.statusCode() != 200 || json.readTree(response.body()).size() != 0) {
      failures.add(user + " could " + what + ": " + response.statusCode() + " " + response.body());
    }
  }

  private String groupOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().findFirst()
        .map(g -> g.getId()).orElse("x");
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  /** A referred application (near-prime sandbox persona) waiting for a credit officer, submitted through the API. */
  private Task referredApplicationReview() throws Exception {
    String reference = "HOSTILE-" + UUID.randomUUID();
    HttpResponse<String> submitted = http.postJson("/api/applications", """
        {"externalReference":"%s","channel":"WEB","applicant":{"nationalId":"SANDBOX-NEAR-PRIME-%s",
         "fullName":"Chen Jie","dateOfBirth":"1985-06-01","mobile":"+8613900139000","email":"chen.jie@example.com",
         "monthlyIncome":12000.00,"employmentMonths":30,"monthlyDebtPayments":2800.00,"dependants":2},
         "requestedAmount":60000.00,"termMonths":24,"purpose":"EDUCATION"}"""
        .formatted(reference, reference.substring(8, 16)), "channel", "demo");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String processInstanceId = json.readTree(submitted.body()).path("processInstanceId").asText();
    runJobs(processInstanceId);
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_ReviewApplication").singleResult();
  }

  /** A loan seven days past due whose collection waits for a collector's call (as in the collection tests). */
  private Task collectionCall() {
    LocalDate booked = LocalDate.of(2027, 1, 10);
    at(booked, 10, 0);
    String customerId = context.getBean(CustomerService.class).register(new CustomerService.PersonalDetails(
        "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8), "Zhang Min", LocalDate.of(1988, 5, 1),
        "+8613700137000", "zhang.min@example.com", "en")).getId();
    String loan = context.getBean(DisbursementService.class).disburse(new DisbursementRequest(
        "APP-" + UUID.randomUUID(), customerId, "CNY", new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12,
        new BigDecimal("0.12"), 0, "C")).loanNumber();
    DailyClose close = context.getBean(DailyClose.class);
    LocalDate firstDue = LocalDate.of(2027, 2, 10);
    for (LocalDate day = booked; !day.isAfter(firstDue.plusDays(6)); day = day.plusDays(1)) {
      at(day.plusDays(1), 0, 30);
      close.closeDay(loan, day);
    }
    at(firstDue.plusDays(7), 10, 0);
    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loan,
        Map.of(CollectionProcess.LOAN_NUMBER, loan, CollectionProcess.DAYS_PAST_DUE, 7,
            CollectionProcess.BUSINESS_DATE, firstDue.plusDays(6).toString())).getId();
    runJobs(processInstanceId);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_CallCustomer").singleResult();
    assertThat(task).as("collection waits for a call").isNotNull();
    return task;
  }

  private void runJobs(String processInstanceId) {
    DueJobs.run(engine.getManagementService(), processInstanceId);
  }

  private static void at(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant()));
  }
}
