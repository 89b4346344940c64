package io.creditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.CreditFlowApplication;
import io.creditflow.collection.CollectionProcess;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.origination.LoanApplication;
import io.creditflow.origination.LoanApplicationRepository;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.DueJobs;
import io.creditflow.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Staff in a real browser (issue 10): the application runs as the embedded default does (H2 in memory, demo users,
 * Camunda's webapps and login) on a random port, and Debian's chromium, headless, works in Tasklist and Cockpit the
 * way the credit officer, the credit manager, the collector and the administrator do. The job executor is off: after
 * each step in the browser the test runs the instance's due jobs itself, so every step has one result to look at.
 * Screenshots of every step: {@code target/e2e/}.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // Cockpit last: it then shows what the others left running
class StaffInBrowserIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String PASSWORD = "demo"; // the embedded default's demo users (README, "Users and groups")

  static ConfigurableApplicationContext app;
  static Browser browser;
  static Http http;
  static ProcessEngine engine;
  static final ObjectMapper JSON = new ObjectMapper();

  /** A failed test leaves a screenshot and the page's HTML next to the step screenshots. */
  @RegisterExtension
  final TestWatcher failures = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.saveFailure();
      }
    }
  };

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(CreditFlowApplication.class).profiles("test")
        .run("--server.port=0", "--creditflow.notifications.dispatcher-enabled=false",
            // Selenium warns that it has no DevTools (CDP) binding for this chromium's version; the tests use
            // WebDriver only, never CDP, so the warning says nothing about them
            "--logging.level.org.openqa.selenium=error");
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    engine = app.getBean(ProcessEngine.class);
    http = new Http(port);
    browser = new Browser(port);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (app != null) {
        app.close();
      }
      ClockUtil.reset();
    }
  }

  @BeforeEach
  void name(TestInfo test) {
    browser.startTest(test.getTestMethod().orElseThrow().getName());
    ClockUtil.reset();
  }

  @AfterEach
  void realTime() {
    browser.logout();
    ClockUtil.reset();
  }

  // ============================================================================================ 1. credit officer

  @Test
  @Order(1)
  void officerApprovesAReferredApplicationWithALowerLimitAndOnlyAManagerGivesTheSecondApproval() throws Exception {
    // a prime applicant asking for more than the auto-approval ceiling (100,000) is referred to a credit officer
    Referred application = referredApplication("PRIME", "250000.00", 36, "80000.00");
    long suggested = ((Number) engine.getRuntimeService()
        .getVariable(application.processInstanceId(), "suggestedLimit")).longValue();
    // lower than suggested, and above the four-eyes threshold (creditflow.origination.four-eyes-threshold 200,000)
    BigDecimal lowered = new BigDecimal("240000");
    assertThat(BigDecimal.valueOf(suggested)).isGreaterThan(lowered);

    browser.login("tasklist", "officer", PASSWORD);
    browser.tasklistFilter("My groups' tasks");
    assertThat(browser.listsTask(application.reviewTaskId())).isTrue();
    browser.screenshot("officer-groups-tasks");

    browser.openTask(application.reviewTaskId());
    JsonNode decision = application.json().path("decision");
    String assessment = browser.formSection("Assessment");
    assertThat(assessment).contains("Score: " + decision.path("score").asInt() + " of 900")
        .contains("grade: " + decision.path("grade").asText());
    assertThat(decision.path("reasons").size()).isPositive();
    for (JsonNode reason : decision.path("reasons")) {
      assertThat(assessment).contains(reason.path("code").asText() + ": " + reason.path("text").asText());
    }
    assertThat(browser.formSection("Suggested terms")).contains(String.format("CNY %,d.00", suggested));
    browser.screenshot("officer-review-form");

    browser.claim();
    browser.choose("Decision", "Approve");
    browser.fill("Approved limit", lowered.toPlainString());
    browser.fill("Approved term", "36");
    browser.screenshot("officer-approves-lower-limit");
    browser.complete();
    awaitCompleted(application.reviewTaskId());
    runJobs(application.processInstanceId());

    Task second = task(application.processInstanceId());
    assertThat(second.getTaskDefinitionKey()).isEqualTo("Task_SecondApproval");
    // officer: the four-eyes task is in none of the lists (once the list no longer shows the finished review, it
    // shows the engine's state after the approval), and its link finds no task...
    browser.tasklistFilter("My tasks");
    browser.tasklistFilter("My groups' tasks");
    browser.awaitGone(application.reviewTaskId());
    assertThat(browser.listsTask(second.getId())).isFalse();
    browser.screenshot("officer-does-not-see-second-approval");
    browser.openTaskByLink(second.getId());
    assertThat(browser.notification("does not exist")).contains("does not exist");
    browser.screenshot("officer-second-approval-link-refused");
    // ...and the engine refuses it to claim it (the same rights Tasklist uses)
    HttpResponse<String> claim = http.postJson("/engine-rest/task/" + second.getId() + "/claim",
        "{\"userId\": \"officer\"}", "officer", PASSWORD);
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(claim.body()).contains("AuthorizationException");
    assertThat(task(application.processInstanceId()).getAssignee()).isNull();

    browser.login("tasklist", "manager", PASSWORD);
    browser.tasklistFilter("My groups' tasks");
    browser.openTask(second.getId());
    assertThat(browser.formSection("First approval")).contains("Approved by: officer")
        .contains("limit: CNY 240,000.00");
    browser.screenshot("manager-second-approval-form");
    browser.claim();
    browser.choose("Second approval", "Approve as proposed");
    browser.screenshot("manager-approves");
    browser.complete();
    awaitCompleted(second.getId());
    runJobs(application.processInstanceId());
    browser.awaitGone(second.getId());
    browser.screenshot("manager-done");

    JsonNode offered = JSON.readTree(http.get("/api/applications/" + application.id(), "channel", PASSWORD).body());
    assertThat(offered.path("status").asText()).isEqualTo("OFFERED");
    assertThat(offered.path("offer").path("creditLimit").decimalValue()).isEqualByComparingTo(lowered);
    assertThat(offered.path("offer").path("termMonths").asInt()).isEqualTo(36);
    LoanApplication stored = app.getBean(LoanApplicationRepository.class).findById(application.id()).orElseThrow();
    assertThat(stored.getReviewedBy()).isEqualTo("officer");
    assertThat(stored.getSecondApprover()).isEqualTo("manager");
    assertThat(stored.getOfferLimit()).isEqualByComparingTo(lowered);
  }

  // ============================================================================================ 2. collector

  @Test
  @Order(2)
  void collectorRecordsAPromiseToPayInTheCallFormAndSeesNoCreditTasks() throws Exception {
    Referred credit = referredApplication("NEAR-PRIME", "30000.00", 24, "18000.00");
    // a grade C loan booked on 10 Jan 2027, first instalment due 10 Feb, unpaid: 7 days past due at the close of
    // 16 Feb, and collection starts with a collector's call, as close of business step 3 starts it
    String loanNumber = loanSevenDaysPastDue();
    LocalDate today = LocalDate.of(2027, 2, 17);
    String collection = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COLLECTION, loanNumber,
        Map.of(CollectionProcess.LOAN_NUMBER, loanNumber, CollectionProcess.DAYS_PAST_DUE, 7,
            CollectionProcess.BUSINESS_DATE, today.minusDays(1).toString())).getId();
    runJobs(collection);
    Task call = task(collection);
    assertThat(call.getTaskDefinitionKey()).isEqualTo(CollectionProcess.TASK_CALL_CUSTOMER);

    browser.login("tasklist", "collector", PASSWORD);
    browser.tasklistFilter("My groups' tasks");
    assertThat(browser.listsTask(call.getId())).isTrue();
    assertThat(browser.listsTask(credit.reviewTaskId())).as("a credit task in the collector's list").isFalse();
    browser.screenshot("collector-groups-tasks");

    browser.openTask(call.getId());
    assertThat(browser.formSection("Collection call")).contains("loan: " + loanNumber).contains("days past due: 7");
    browser.screenshot("collector-call-form");
    browser.claim();
    browser.choose("Outcome of the call", "Promise to pay (date within 14 days, amount)");
    LocalDate promised = today.plusDays(3);
    // form-js's date picker takes what staff type in its US format (month/day/year) and submits 2027-02-20
    browser.fill("Promised payment date", promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.fill("Promised amount", "500.00");
    browser.screenshot("collector-promise-to-pay");
    browser.complete();
    awaitCompleted(call.getId());
    runJobs(collection);
    browser.screenshot("collector-done");

    JsonNode view = JSON.readTree(http.get("/api/loans/" + loanNumber + "/collection", "collector", PASSWORD).body());
    assertThat(view.path("promisesMade").asInt()).isEqualTo(1);
    assertThat(view.path("openPromise").path("date").asText()).isEqualTo(promised.toString());
    assertThat(view.path("openPromise").path("amount").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(view.path("actions").findValuesAsText("action")).contains("PROMISE_MADE");
    assertThat(actorOf(view, "PROMISE_MADE")).isEqualTo("collector");

    // every list of the collector: no credit task, and the credit task's link finds nothing
    for (String filter : List.of("My tasks", "My groups' tasks", "Overdue")) {
      browser.tasklistFilter(filter);
      assertThat(browser.listsTask(credit.reviewTaskId())).as("credit task in '%s'", filter).isFalse();
    }
    browser.openTaskByLink(credit.reviewTaskId());
    assertThat(browser.notification("does not exist")).contains("does not exist");
    browser.screenshot("collector-credit-task-link-refused");
  }

  // ============================================================================================ 3. Cockpit

  @Test
  @Order(3)
  void adminSeesTheRunningInstancesInCockpit() throws Exception {
    Referred application = referredApplication("NEAR-PRIME", "20000.00", 12, "18000.00");
    Map<String, Long> running = new TreeMap<>();
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().forEach(definition ->
        running.put(definition.getKey(), engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(definition.getKey()).count()));
    assertThat(running.get(ProcessKeys.LOAN_ORIGINATION)).isPositive();

    browser.login("cockpit", "demo", PASSWORD);
    browser.visible(By.xpath("//*[normalize-space(.)='Running Process Instances']"));
    browser.screenshot("cockpit-dashboard");

    browser.click(By.cssSelector("a[href='#/processes']"));
    // every deployed process with the number of its running instances, as the engine counts them
    browser.waitFor().until(d -> d.findElements(By.cssSelector("table.process-definitions-list tbody tr")).size()
        == running.size());
    Map<String, Long> shown = new TreeMap<>();
    for (WebElement row : browser.all(By.cssSelector("table.process-definitions-list tbody tr"))) {
      shown.put(row.findElement(By.cssSelector("td.key a")).getText().trim(),
          Long.valueOf(row.findElement(By.cssSelector("td.instances")).getText().trim()));
    }
    assertThat(shown).isEqualTo(running);
    browser.screenshot("cockpit-processes");

    browser.click(By.xpath("//table[contains(@class,'process-definitions-list')]//td[contains(@class,'key')]"
        + "//a[normalize-space(.)='" + ProcessKeys.LOAN_ORIGINATION + "']"));
    By instanceRow = By.xpath("//table[contains(@class,'process-instances')]//tr[td//a[normalize-space(.)='"
        + application.processInstanceId() + "']]");
    assertThat(browser.visible(instanceRow).getText()).contains(application.id()); // business key = application id
    assertThat(browser.visible(By.cssSelector(".djs-container svg")).isDisplayed()).isTrue(); // the diagram
    browser.screenshot("cockpit-loan-origination");
  }

  // ============================================================================================ helpers

  record Referred(String id, String processInstanceId, String reviewTaskId, JsonNode json) {}

  /** Submits an application through the API as the channel does and runs it to the officer's review. */
  Referred referredApplication(String persona, String amount, int term, String income) throws Exception {
    String nationalId = "SANDBOX-" + persona + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    String body = """
        { "externalReference": "E2E-%s", "channel": "WEB",
          "applicant": { "nationalId": "%s", "fullName": "Li Wei", "dateOfBirth": "1990-04-12",
                         "mobile": "+8613800138000", "email": "li.wei@example.com", "monthlyIncome": %s,
                         "employmentMonths": 48, "monthlyDebtPayments": 1000.00, "dependants": 1 },
          "requestedAmount": %s, "termMonths": %d, "purpose": "EDUCATION" }"""
        .formatted(UUID.randomUUID(), nationalId, income, amount, term);
    HttpResponse<String> submitted = http.postJson("/api/applications", body, "channel", PASSWORD);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode created = JSON.readTree(submitted.body());
    String processInstanceId = created.path("processInstanceId").asText();
    runJobs(processInstanceId);
    Task review = task(processInstanceId);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewApplication");
    String id = created.path("applicationId").asText();
    JsonNode application = JSON.readTree(http.get("/api/applications/" + id, "channel", PASSWORD).body());
    assertThat(application.path("status").asText()).isEqualTo("UNDER_REVIEW");
    return new Referred(id, processInstanceId, review.getId(), application);
  }

  /** A loan in the ledger, booked on 10 Jan 2027 and closed day by day until it is 7 days past due. */
  String loanSevenDaysPastDue() {
    LocalDate booked = LocalDate.of(2027, 1, 10);
    at(booked, LocalTime.of(10, 0));
    String customerId = app.getBean(CustomerService.class).register(new CustomerService.PersonalDetails(
        "E2E-" + UUID.randomUUID().toString().substring(0, 8), "Zhang Min", LocalDate.of(1988, 5, 1),
        "+8613800138000", "min@example.com", "en")).getId();
    String loanNumber = app.getBean(DisbursementService.class).disburse(new DisbursementRequest(
        "APP-" + UUID.randomUUID(), customerId, "CNY", new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12,
        new BigDecimal("0.12"), 0, "C")).loanNumber();
    DailyClose close = app.getBean(DailyClose.class);
    LocalDate lastClose = LocalDate.of(2027, 2, 16);
    for (LocalDate day = LocalDate.of(2027, 2, 10); !day.isAfter(lastClose); day = day.plusDays(1)) {
      at(day.plusDays(1), LocalTime.of(0, 30));
      close.closeDay(loanNumber, day);
    }
    at(lastClose.plusDays(1), LocalTime.of(10, 0));
    Loan loan = app.getBean(LoanQueries.class).loan(loanNumber).orElseThrow().loan();
    assertThat(loan.getDaysPastDue()).isEqualTo(7);
    return loanNumber;
  }

  static void at(LocalDate date, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(time).atZone(ZONE).toInstant()));
  }

  static String actorOf(JsonNode collectionView, String action) {
    for (JsonNode a : collectionView.path("actions")) {
      if (action.equals(a.path("action").asText())) {
        return a.path("actor").asText();
      }
    }
    return null;
  }

  static Task task(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Waits until the browser's completion of the task has reached the engine. */
  static void awaitCompleted(String taskId) {
    Browser.until("task " + taskId + " completed",
        () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
  }

  /** Runs the instance's due jobs (async continuations, due timers) until none is due, as the job executor would. */
  static void runJobs(String processInstanceId) {
    DueJobs.run(engine.getManagementService(), processInstanceId);
  }
}
