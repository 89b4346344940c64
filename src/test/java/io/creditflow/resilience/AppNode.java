package io.creditflow.resilience;

import io.creditflow.support.MariaDbApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One CreditFlow node: the packaged application ({@code target/creditflow-*.jar}, built by {@code package} before
 * failsafe runs) in a JVM of its own, started the way production starts it: {@code java -Xmx512m -jar}, profile
 * {@code mysql}, everything from the environment (the variables of README "Configuration: MySQL or MariaDB"), job
 * executor on, notifications {@code live} against the test's {@link Gateways}, bureau {@code sandbox}. Its output goes
 * to {@code target/resilience/<name>.log} (appended across restarts).
 *
 * <p>Settings shortened for the test, each one named in README "Running as a cluster" with its production value: the
 * job lock time (a dead node's jobs are taken over after it), the job acquisition's idle wait, the outbox's claim
 * time-out and dispatch interval. The timer-started daily runs (close of business, portfolio snapshot, inspections) are
 * switched off, so that the test alone decides which business dates are closed.
 *
 * <p>Every node ever started is killed when the test JVM exits, whatever happened ({@link #killAllOnExit}).
 */
final class AppNode implements AutoCloseable {

  static final String CHANNEL_USER = "channel.it";
  static final String CHANNEL_PASSWORD = "Channel-It-Secret-1";
  static final Duration LOCK_TIME = Duration.ofSeconds(15);
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AppNode::killAllOnExit, "kill-resilience-nodes"));
  }

  final String name;
  final int port;
  private final ResilienceDatabase database;
  private final Gateways gateways;
  private final Map<String, String> extraArgs;
  private final Path log;
  private Process process;

  AppNode(String name, ResilienceDatabase database, Gateways gateways, Map<String, String> extraArgs) {
    this.name = name;
    this.port = freePort();
    this.database = database;
    this.gateways = gateways;
    this.extraArgs = new LinkedHashMap<>(extraArgs);
    this.log = targetDirectory().resolve("resilience").resolve(name + ".log");
  }

  /** Starts the JVM (does not wait for it to be ready). */
  AppNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar", jar().toString()));
    Map<String, String> args = new LinkedHashMap<>();
    args.put("server.port", String.valueOf(port));
    args.put("camunda.bpm.job-execution.enabled", "true");
    args.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()));
    args.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
    args.put("camunda.bpm.job-execution.max-wait", "2000");
    // the node's name in ACT_HI_JOB_LOG.HOSTNAME_ (and the metrics): who executed which job
    args.put("camunda.bpm.generic-properties.properties.hostname", name);
    args.put("creditflow.notifications.dispatch-interval", "PT1S");
    args.put("creditflow.notifications.claim-timeout", "PT" + CLAIM_TIMEOUT.toSeconds() + "S");
    args.put("creditflow.cob.daily-enabled", "false");
    args.put("creditflow.portfolio.daily-enabled", "false");
    args.put("creditflow.inspection.quarterly-enabled", "false");
    args.putAll(extraArgs);
    args.forEach((key, value) -> command.add("--" + key + "=" + value));

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("SPRING_PROFILES_ACTIVE", "mysql");
    env.put("CREDITFLOW_DB_URL", database.url);
    env.put("CREDITFLOW_DB_USER", database.user);
    env.put("CREDITFLOW_DB_PASSWORD", database.password);
    env.put("CREDITFLOW_DB_POOL_SIZE", "12");
    env.put("CREDITFLOW_ADMIN_USER", MariaDbApplication.ADMIN);
    env.put("CREDITFLOW_ADMIN_PASSWORD", MariaDbApplication.ADMIN_PASSWORD);
    env.put("CREDITFLOW_DATA_KEY", "aXQtc3VpdGUtZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=");
    env.put("CREDITFLOW_LOOKUP_KEY", "aXQtc3VpdGUtbG9va3VwLWtleS0zMi1ieXRlcy1vayE=");
    env.put("CREDITFLOW_BUREAU_MODE", "sandbox");
    env.put("CREDITFLOW_NOTIFICATIONS_DELIVERY", "live");
    env.put("CREDITFLOW_SMS_URL", gateways.smsUrl());
    env.put("CREDITFLOW_SMTP_HOST", "127.0.0.1");
    env.put("CREDITFLOW_SMTP_PORT", String.valueOf(gateways.smtpPort()));
    env.put("CREDITFLOW_SMTP_AUTH", "false");
    env.put("CREDITFLOW_SMTP_STARTTLS_REQUIRED", "false");
    env.put("CREDITFLOW_MAIL_FROM", "CreditFlow <no-reply@creditflow.example>");
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "\n===== " + Instant.now() + " starting " + name + " on port " + port + " =====\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RUNNING.add(process);
    return this;
  }

  /** Waits until {@code /actuator/health} answers UP; fails when the JVM dies or it takes longer than {@code limit}. */
  AppNode awaitReady(Duration limit) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(name + " was not ready within " + limit + "; see " + log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * Freezes the node (SIGSTOP) or lets it go on (SIGCONT), through {@code /bin/sh}'s {@code kill}: a frozen node can
   * neither finish nor take a job, so what the database shows of it holds still.
   */
  void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + process.pid()).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * SIGKILL: {@link Process#destroyForcibly()} is {@code kill(pid, SIGKILL)} on Linux (OpenJDK's ProcessHandleImpl);
   * the JVM gets no chance to run shutdown hooks, finish requests or commit anything. Returns the exit value, which a
   * caller checks is 137 (128 + signal 9) to prove that it was SIGKILL.
   */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    RUNNING.remove(process);
    return process.exitValue();
  }

  Api api(String user, String password) {
    return new Api(port, user, password);
  }

  Api channel() {
    return api(CHANNEL_USER, CHANNEL_PASSWORD);
  }

  /**
   * A {@code camunda-admin}: the administrator from the environment; with demo mode on (the clock endpoint) the
   * bootstrap creates the demo users instead, and {@code demo} is the administrator.
   */
  Api admin() {
    return "true".equals(extraArgs.get("creditflow.demo.enabled")) ? api("demo", "demo")
        : api(MariaDbApplication.ADMIN, MariaDbApplication.ADMIN_PASSWORD);
  }

  Path log() {
    return log;
  }

  /** Stops the node: SIGTERM (graceful shutdown), then SIGKILL after 30 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    RUNNING.remove(process);
  }

  /** Creates the channel user ({@code api-clients}) through Camunda's REST API as the administrator; idempotent. */
  void ensureChannelUser() {
    Api admin = admin();
    Api.Answer existing = admin.get("/engine-rest/user/" + CHANNEL_USER + "/profile");
    if (existing.status() != 200 && existing.status() != 404) {
      throw new AssertionError("Could not read user " + CHANNEL_USER + ": " + existing);
    }
    if (existing.status() == 404) {
      Api.Answer created = admin.post("/engine-rest/user/create", Api.json(Map.of(
          "profile", Map.of("id", CHANNEL_USER, "firstName", "Channel", "lastName", "Suite",
              "email", "channel.it@creditflow.example"),
          "credentials", Map.of("password", CHANNEL_PASSWORD))));
      if (!created.ok()) {
        throw new AssertionError("Could not create " + CHANNEL_USER + ": " + created);
      }
    }
    Api.Answer member = admin.put("/engine-rest/group/api-clients/members/" + CHANNEL_USER, "");
    if (!member.ok()) {
      throw new AssertionError("Could not add " + CHANNEL_USER + " to api-clients: " + member);
    }
  }

  static void killAllOnExit() {
    for (Process running : RUNNING) {
      running.destroyForcibly();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path targetDirectory() {
    return Path.of(System.getProperty("basedir", ".")).resolve("target");
  }

  private static Path jar() {
    try (Stream<Path> files = Files.list(targetDirectory())) {
      return files.filter(file -> file.getFileName().toString().matches("creditflow-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No target/creditflow-*.jar: the resilience suites run the packaged "
              + "application; run them with ./mvnw verify (package runs before failsafe)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
