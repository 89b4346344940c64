package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.CreditFlowApplication;
import io.creditflow.identity.StaffGroups;
import io.creditflow.support.MariaDbApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as it runs for real, for the origination and payment benchmarks, and a channel's HTTP client for
 * origination: submit a PRIME application, read it until the decision is visible, accept the offer.
 *
 * <p>{@link #start} runs {@link CreditFlowApplication} on a random port with the job executor on, the sandbox bureau
 * and notifications delivered to the log, with the configuration production uses for the database: on H2 the
 * embedded default (a fresh file database under {@code target/bench/h2-bench-http/<scenario>}, demo users), on
 * MySQL/MariaDB profile {@code mysql} (no demo users: a {@code channel} user in {@code api-clients} is created). The
 * context also carries the benchmark-only floors ({@code creditflow.bench.floors=true}).
 */
final class OriginationDriver {

  static final String CHANNEL = "channel";
  /** The password of the channel user the benchmark creates on MySQL/MariaDB (the embedded default has "demo"). */
  private static final String MYSQL_CHANNEL_PASSWORD = "Bench-Channel-Secret-1";
  // The MySQL/MariaDB suites' test-only keys (as MariaDbApplication), so data of one suite stays readable by another.
  private static final String DATA_KEY = "aXQtc3VpdGUtZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=";
  private static final String LOOKUP_KEY = "aXQtc3VpdGUtbG9va3VwLWtleS0zMi1ieXRlcy1vayE=";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A running application: its context, port and the channel user's credentials. */
  record App(ConfigurableApplicationContext context, int port, String user, String password, BenchmarkDatabase db)
      implements AutoCloseable {

    JdbcTemplate jdbc() {
      return new JdbcTemplate(context.getBean(DataSource.class));
    }

    ProcessEngine engine() {
      return context.getBean(ProcessEngine.class);
    }

    Client client() {
      return new Client(port, user, password);
    }

    @Override
    public void close() {
      context.close();
    }
  }

  private OriginationDriver() {}

  /** Starts the application for {@code scenario} on {@code db}; {@code extra} are further {@code name=value} settings. */
  static App start(BenchmarkDatabase db, String scenario, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--creditflow.bench.floors=true",
        "--creditflow.bureau.mode=sandbox",
        "--creditflow.notifications.delivery=log",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.generate-unique-process-application-name=true"));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(CreditFlowApplication.class);
    if (db.isMySql()) {
      // as the wave does: what earlier runs left (loans, their collections and jobs) would be closed by the payment
      // scenario's close of business and would make each run slower than the last
      BenchApplication.dropAllTables(db);
      builder.profiles("mysql");
      args.addAll(List.of(
          "--CREDITFLOW_DB_URL=" + db.url(),
          "--CREDITFLOW_DB_USER=" + db.user(),
          "--CREDITFLOW_DB_PASSWORD=" + db.password(),
          "--CREDITFLOW_ADMIN_USER=" + MariaDbApplication.ADMIN,
          "--CREDITFLOW_ADMIN_PASSWORD=" + MariaDbApplication.ADMIN_PASSWORD,
          "--CREDITFLOW_DATA_KEY=" + DATA_KEY,
          "--CREDITFLOW_LOOKUP_KEY=" + LOOKUP_KEY));
    } else {
      Path dir = BenchmarkReport.DIR.resolve("h2-bench-http").resolve(scenario).toAbsolutePath();
      deleteRecursively(dir);
      args.add("--spring.datasource.url=" + BenchApplication.h2Url(dir.resolve("creditflow")));
    }
    args.addAll(Arrays.stream(extra).map(setting -> "--" + setting).toList());
    ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    if (!db.isMySql()) {
      return new App(context, port, CHANNEL, "demo", db);
    }
    IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();
    if (identity.createUserQuery().userId(CHANNEL).count() == 0) {
      User user = identity.newUser(CHANNEL);
      user.setFirstName("Benchmark");
      user.setLastName("Channel");
      user.setPassword(MYSQL_CHANNEL_PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(CHANNEL).memberOfGroup(StaffGroups.API_CLIENTS).count() == 0) {
      identity.createMembership(CHANNEL, StaffGroups.API_CLIENTS);
    }
    assertThat(identity.checkPassword(CHANNEL, MYSQL_CHANNEL_PASSWORD))
        .withFailMessage("user 'channel' exists on %s with another password", db.url()).isTrue();
    return new App(context, port, CHANNEL, MYSQL_CHANNEL_PASSWORD, db);
  }

  /** A short id of this run, so references stay unique on a database that keeps data across runs. */
  static String runId() {
    return Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36).toUpperCase(Locale.ROOT)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36).toUpperCase(Locale.ROOT);
  }

  /** One channel client: its own HTTP/1.1 connection(s), HTTP Basic on every request. */
  static final class Client {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    Client(int port, String user, String password) {
      this.base = "http://localhost:" + port;
      this.authorization = "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String json) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.header("Authorization", authorization)
            .header("Accept", "application/json, application/problem+json").timeout(Duration.ofSeconds(120)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Submits a PRIME application (sandbox persona kind PRIME, distinct national id); returns its id. */
    String submit(String externalReference, String nationalIdSuffix) {
      String body = """
          { "externalReference": "%s", "channel": "MOBILE_APP",
            "applicant": { "nationalId": "SANDBOX-PRIME-%s", "fullName": "Li Wei", "dateOfBirth": "1990-04-12",
                           "mobile": "+8613800138000", "email": "li.wei@example.com", "monthlyIncome": 18000.00,
                           "employmentMonths": 48, "monthlyDebtPayments": 1500.00, "dependants": 1 },
            "requestedAmount": 50000.00, "termMonths": 24, "purpose": "HOME_RENOVATION" }"""
          .formatted(externalReference, nationalIdSuffix);
      HttpResponse<String> response = post("/api/applications", body);
      assertThat(response.statusCode()).withFailMessage("submit %s: %s %s", externalReference,
          response.statusCode(), response.body()).isEqualTo(202);
      return tree(response.body()).path("applicationId").asText();
    }

    /**
     * Reads the application until its decision is visible through the API: with {@code waitSeconds > 0} by reads that
     * wait while the status is the one last seen ({@code ?whileStatus=…&waitSeconds=…}, long polling), otherwise by
     * plain reads every {@code pollMillis}.
     */
    JsonNode awaitDecision(String applicationId, int waitSeconds, long pollMillis, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      String status = "RECEIVED";
      while (true) {
        HttpResponse<String> response = get("/api/applications/" + applicationId
            + (waitSeconds > 0 ? "?whileStatus=" + status + "&waitSeconds=" + waitSeconds : ""));
        assertThat(response.statusCode()).withFailMessage("read %s: %s %s", applicationId, response.statusCode(),
            response.body()).isEqualTo(200);
        JsonNode application = tree(response.body());
        if (application.hasNonNull("decision")) {
          return application;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no decision for " + applicationId + " within " + timeout + ": " + application);
        }
        status = application.path("status").asText();
        if (waitSeconds <= 0) {
          sleep(pollMillis);
        }
      }
    }

    void accept(String applicationId) {
      HttpResponse<String> response = post("/api/applications/" + applicationId + "/acceptance",
          "{\"accepted\": true}");
      assertThat(response.statusCode()).withFailMessage("accept %s: %s %s", applicationId, response.statusCode(),
          response.body()).isEqualTo(200);
    }
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value at quantile {@code q} (0..1) of {@code nanos}, in milliseconds (nearest-rank). */
  static double percentileMillis(List<Long> nanos, double q) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
  }

  /** Waits until {@code condition} holds, checking every 50 ms; fails after {@code timeout}. */
  static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      sleep(50);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
