package io.creditflow.hostile;

import io.creditflow.CreditFlowApplication;
import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementResult;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.Http;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.identity.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application for the property-based tests, started by hand and closed after them (not cached with the
 * other test contexts, so its memory is given back). Profile {@code test} (private in-memory H2, no job executor, demo
 * users) on a random port, with a unique engine name so it lives next to the test contexts Spring caches in the same
 * JVM. Seeds one customer with a disbursed loan and credit line, so path variables can also name things that exist.
 */
final class HostileApplication implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final Http http;
  final int port;
  final DataSource dataSource;
  final Endpoints endpoints;
  /** Ids that exist: customer, loan number, credit line; path variables draw from these as well as hostile values. */
  final List<String> knownIds;
  final String loanNumber;
  final String customerId;
  final IdentityService identity;
  final ObjectMapper json;

  private HostileApplication(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.http = new Http(port);
    this.dataSource = context.getBean(DataSource.class);
    this.endpoints = Endpoints.of(context);
    CustomerService customers = context.getBean(CustomerService.class);
    String customerId = customers.register(new CustomerService.PersonalDetails("HOSTILE-" + UUID.randomUUID()
        .toString().substring(0, 8), "Hostile Fixture", LocalDate.of(1990, 1, 1), "+447700900123",
        "fixture@example.org", "en")).getId();
    DisbursementResult loan = context.getBean(DisbursementService.class).disburse(new DisbursementRequest(
        "APP-" + UUID.randomUUID(), customerId, "CNY", new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12,
        new BigDecimal("0.12"), 0, "B"));
    this.identity = context.getBean(IdentityService.class);
    this.json = context.getBean(ObjectMapper.class);
    List<String> ids = new ArrayList<>(List.of(customerId, loan.loanNumber(), loan.creditLineId()));
    ids.add(created("/api/applications", """
        {"externalReference":"HOSTILE-SEED-1","channel":"MOBILE_APP","applicant":{"nationalId":"HOSTILE-SEED-1",
         "fullName":"Hostile Seed","dateOfBirth":"1990-04-12","mobile":"+447700900124","email":"seed@example.org",
         "monthlyIncome":18000.00,"employmentMonths":48,"monthlyDebtPayments":1500.00,"dependants":1},
         "requestedAmount":50000.00,"termMonths":24,"purpose":"HOME_RENOVATION"}""", "applicationId"));
    ids.add(created("/api/complaints", """
        {"externalReference":"HOSTILE-SEED-2","loanNumber":"%s","channel":"PHONE","description":"seed complaint",
         "preferredLanguage":"en"}""".formatted(loan.loanNumber()), "complaintId"));
    this.loanNumber = loan.loanNumber();
    this.customerId = customerId;
    this.knownIds = List.copyOf(ids);
  }

  private String created(String path, String body, String idField) {
    var response = http.postJson(path, body, "channel", "demo");
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("seeding " + path + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return json.readTree(response.body()).path(idField).asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A user of a group that may call the endpoint (demo users, password "demo"); not an administrator if avoidable. */
  String userFor(Endpoints.Endpoint endpoint) {
    if (endpoint.openToAll()) {
      return "channel";
    }
    return endpoint.groups().stream().sorted(Comparator.comparing((String g) -> g.equals(StaffGroups.CAMUNDA_ADMIN))
            .thenComparing(Comparator.naturalOrder()))
        .map(group -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
        .filter(users -> !users.isEmpty())
        .map(users -> users.get(0).getId())
        .findFirst().orElseThrow(() -> new IllegalStateException("no demo user may call " + endpoint));
  }

  /** An existing id for a path variable (by its name), or any of them. */
  String knownId(String variable, int choice) {
    return switch (variable) {
      case "loanNumber" -> loanNumber;
      case "customerId" -> customerId;
      default -> knownIds.get(Math.floorMod(choice, knownIds.size()));
    };
  }

  static HostileApplication start() {
    ClockUtil.reset();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CreditFlowApplication.class)
        .profiles("test")
        .properties("server.port=0",
            "camunda.bpm.generate-unique-process-engine-name=true",
            "camunda.bpm.generate-unique-process-application-name=true",
            "spring.jmx.enabled=false")
        .run();
    return new HostileApplication(context);
  }

  @Override
  public void close() {
    ClockUtil.reset();
    context.close();
  }
}
