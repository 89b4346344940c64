package io.creditflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.common.audit.AuditEvent;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.StaffGroups;
import io.creditflow.support.Http;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as production runs it: profile {@code mysql} against a real MySQL/MariaDB server (CI: MariaDB 10.11
 * from Debian, server left at its REPEATABLE READ default), no demo users, the administrator from the environment.
 */
@ExtendWith(RequiresTestDatabase.class)
class MariaDbIT {

  private static final String ADMIN = MariaDbApplication.ADMIN;
  private static final String ADMIN_PASSWORD = MariaDbApplication.ADMIN_PASSWORD;

  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    context = startApplication();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static ConfigurableApplicationContext startApplication() {
    return MariaDbApplication.start();
  }

  @Test
  void flywayAndCamundaCreatedTheirTablesSideBySide() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    List<Map<String, Object>> migrations = jdbc.queryForList(
        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL AND version <> '0' ORDER BY installed_rank");
    assertThat(migrations).isNotEmpty();
    assertThat(migrations.get(0)).containsEntry("version", "1");
    assertThat(migrations).allSatisfy(row -> assertThat(row.get("success")).isIn(true, 1, (byte) 1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit_event", Long.class)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'", Long.class))
        .isEqualTo(1L);
  }

  @Test
  void theCollectionReportsAggregateQueriesRunOnMariaDb() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    String id = java.util.UUID.randomUUID().toString();
    jdbc.update("INSERT INTO cf_collection_case (id, loan_number, process_instance_id, customer_id, currency,"
        + " started_at, ended_at, start_dpd, max_dpd, strategy, current_stage, outcome, promises_made, promises_kept,"
        + " promises_broken, on_hold, cycle_number, stage_attempts, bureau_reported_dpd, action_count, version)"
        + " VALUES (?, 'RPT-IT', ?, 'c', 'CNY', ?, ?, 1, 40, 'STANDARD', 'CALL', 'CURED', 0, 0, 0, FALSE, 1, 0, 0, 0,"
        + " 0)", id, "pi-" + id, java.sql.Timestamp.from(Instant.parse("2040-01-02T02:00:00Z")),
        java.sql.Timestamp.from(Instant.parse("2040-01-09T02:00:00Z")));
    jdbc.update("INSERT INTO cf_collection_action (id, case_id, sequence_number, loan_number, occurred_at, stage,"
        + " action, unit_cost, actor) VALUES (?, ?, 1, 'RPT-IT', ?, 'CALL', 'CALL', 2.00, 'test')",
        java.util.UUID.randomUUID().toString(), id, java.sql.Timestamp.from(Instant.parse("2040-01-03T02:00:00Z")));
    io.creditflow.collection.CollectionReport report = context
        .getBean(io.creditflow.collection.CollectionReportService.class)
        .report(java.time.LocalDate.of(2040, 1, 1), java.time.LocalDate.of(2040, 1, 31));
    assertThat(report.cases().started()).isEqualTo(1);
    assertThat(report.cases().cureRate()).isEqualByComparingTo("1.0000");
    assertThat(report.cost().perCuredLoan()).isEqualByComparingTo("2.00");
    assertThat(report.rollRates().get(0).rate()).isEqualByComparingTo("1.0000"); // DPD 40: reached 31-60
    assertThat(report.rollRates().get(1).rate()).isEqualByComparingTo("0.0000");
    assertThat(report.contacts().deferred()).isZero();
  }

  @Test
  void connectionsAreReadCommittedWhateverTheServerDefault() throws Exception {
    try (Connection connection = context.getBean(DataSource.class).getConnection()) {
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
    }
  }

  @Test
  void jpaRoundTripsAnAuditEventToTheSecond() {
    AuditTrail trail = context.getBean(AuditTrail.class);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:15:30.123Z")));

    trail.record("it-suite", "CHECKED", "database", "mariadb-it", "round trip");

    List<AuditEvent> events = trail.of("database", "mariadb-it");
    assertThat(events).last().satisfies(event -> {
      assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
      assertThat(event.getActor()).isEqualTo("it-suite");
    });
  }

  @Test
  void personalDataIsEncryptedAtRest() {
    CustomerService customers = context.getBean(CustomerService.class);
    String nationalId = "IT-" + System.nanoTime();
    Customer customer = customers.register(new CustomerService.PersonalDetails(nationalId, "Li Wei",
        java.time.LocalDate.of(1990, 4, 12), "+8613800138000", "li.wei@example.com", "zh-CN"));

    Map<String, Object> row = new JdbcTemplate(context.getBean(DataSource.class))
        .queryForMap("SELECT national_id, mobile, email FROM cf_customer WHERE id = ?", customer.getId());
    assertThat(row.values()).allSatisfy(value -> assertThat(value.toString()).startsWith("v1:")
        .doesNotContain(nationalId).doesNotContain("13800138000").doesNotContain("li.wei"));
    assertThat(customers.byNationalId(" " + nationalId.toLowerCase() + " ")).get()
        .satisfies(found -> assertThat(found.getMobile()).isEqualTo("+8613800138000"));
  }

  @Test
  void theEngineRunsTasksAndTimersOnThisDatabase() {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    BpmnModelInstance model = Bpmn.createExecutableProcess("mariaDbCheck")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Check").camundaCandidateGroups(StaffGroups.RISK_MANAGERS)
        .intermediateCatchEvent("Event_Wait").timerWithDuration("PT1H")
        .endEvent()
        .done();
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("mariaDbCheck.bpmn", model).deploy();
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T08:00:00Z")));
      ProcessInstance instance = engine.getRuntimeService()
          .startProcessInstanceByKey("mariaDbCheck", "IT-" + System.nanoTime());
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Check");
      engine.getTaskService().complete(task.getId());

      Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().count()).isZero();

      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:00:01Z")));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().count()).isEqualTo(1);
      engine.getManagementService().executeJob(timer.getId());

      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instance.getId()).finished().count()).isEqualTo(1);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void productionIdentityAndAuthenticatedRest() {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    assertThat(engine.getIdentityService().createUserQuery().userId("demo").count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count())
        .isEqualTo(1);

    Http http = new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    assertThat(http.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/me", ADMIN, ADMIN_PASSWORD).body()).contains("camunda-admin");
    assertThat(http.get("/actuator/health").body()).contains("UP");
  }

  @Test
  void aRestartAddsNoDuplicateGroupsGrantsFiltersOrDeployments() {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    long groups = engine.getIdentityService().createGroupQuery().count();
    long users = engine.getIdentityService().createUserQuery().count();
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    context.close();
    Instant restartedAt = Instant.now();
    context = startApplication();
    engine = context.getBean(ProcessEngine.class);

    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters).isEqualTo(3);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(Duration.between(restartedAt, Instant.now())).isLessThan(Duration.ofMinutes(2));
  }
}
