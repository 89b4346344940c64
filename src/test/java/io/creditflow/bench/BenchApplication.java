package io.creditflow.bench;

import io.creditflow.CreditFlowApplication;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.support.EmptyDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The application as a benchmark runs it: on a fresh schema of the selected {@link BenchmarkDatabase} (H2: a file
 * database under {@code target/bench/h2}, as the embedded default runs; MariaDB: every table of the given database
 * dropped first), with the job executor ON as in production, the daily timers and the outbox dispatcher off (the
 * benchmark starts what it measures, and delivery is not part of it).
 */
public final class BenchApplication {

  static final Path H2_DIR = BenchmarkReport.DIR.resolve("h2");
  // test-only keys (base64 of 32 bytes), as the MariaDB suites use
  private static final String DATA_KEY = "aXQtc3VpdGUtZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=";
  private static final String LOOKUP_KEY = "aXQtc3VpdGUtbG9va3VwLWtleS0zMi1ieXRlcy1vayE=";

  private BenchApplication() {}

  /** Starts the application on an empty schema named {@code name} (H2 file) or on the MariaDB database emptied. */
  public static ConfigurableApplicationContext fresh(BenchmarkDatabase db, String name, String... extra) {
    return fresh(db, name, new Class<?>[0], extra);
  }

  /** As {@link #fresh(BenchmarkDatabase, String, String...)}, with further bean sources (benchmark-only beans). */
  public static ConfigurableApplicationContext fresh(BenchmarkDatabase db, String name, Class<?>[] sources,
      String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.generate-unique-process-application-name=true",
        "--creditflow.cob.daily-enabled=false",
        "--creditflow.portfolio.daily-enabled=false",
        "--creditflow.inspection.quarterly-enabled=false",
        "--creditflow.notifications.dispatcher-enabled=false",
        "--creditflow.bureau.mode=sandbox",
        "--creditflow.notifications.delivery=log",
        "--logging.level.root=warn",
        "--logging.level.io.creditflow=warn",
        "--logging.level.io.creditflow.demo=info"));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(CreditFlowApplication.class).sources(sources);
    if (db.isMySql()) {
      dropAllTables(db);
      builder.profiles("mysql");
      args.addAll(List.of("--CREDITFLOW_DB_URL=" + db.url(), "--CREDITFLOW_DB_USER=" + db.user(),
          "--CREDITFLOW_DB_PASSWORD=" + db.password(), "--CREDITFLOW_ADMIN_USER=ops.admin",
          "--CREDITFLOW_ADMIN_PASSWORD=Bench-Secret-1", "--CREDITFLOW_DATA_KEY=" + DATA_KEY,
          "--CREDITFLOW_LOOKUP_KEY=" + LOOKUP_KEY));
    } else {
      deleteH2(name);
      args.add("--spring.datasource.url=" + h2Url(H2_DIR.toAbsolutePath().resolve(name)));
    }
    args.addAll(List.of(extra));
    return builder.run(args.toArray(String[]::new));
  }

  /**
   * The embedded default's H2 URL ({@code spring.datasource.url} in {@code application.yaml}, with its settings such
   * as {@code QUERY_CACHE_SIZE}) for the file database {@code database} instead of {@code ./data/creditflow}: the
   * benchmark runs H2 as the embedded default does.
   */
  static String h2Url(Path database) {
    try {
      Object url = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
          .get(0).getProperty("spring.datasource.url");
      String configured = String.valueOf(url);
      int settings = configured.indexOf(';');
      if (!configured.startsWith("jdbc:h2:file:") || settings < 0) {
        throw new IllegalStateException("application.yaml's spring.datasource.url is not an H2 file URL with "
            + "settings: " + configured);
      }
      return "jdbc:h2:file:" + database + configured.substring(settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes of the H2 file database {@code name} (0 when absent). */
  public static long h2FileBytes(String name) {
    try (Stream<Path> files = Files.list(H2_DIR)) {
      return files.filter(f -> f.getFileName().toString().startsWith(name + ".")).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * When the storage and payment benchmarks start the close of business: before the daily timer's 00:30, so the
   * timer's short-lived instance (the daily run is disabled here) does not run beside the measured close. (Before
   * {@code CobRunService} let a manual run go ahead of a daily instance that has not taken up a run, meeting that
   * instance made the manual run skip its day, and StorageBenchmark hung so. The wave starts at 00:30, as the timer.)
   */
  public static final LocalTime CLOSE_STARTS = LocalTime.of(0, 20);

  /**
   * Waits until no job is due and no close of business runs: a daily timer made due by moving the clock has fired and
   * its instance has ended, so a manual start cannot meet it (see {@link #CLOSE_STARTS}).
   */
  public static void awaitNoCloseRunning(ProcessEngine engine) {
    OriginationDriver.await("no close of business running", Duration.ofMinutes(5),
        () -> executableJobs(engine) == 0 && engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS).count() == 0);
  }

  /** Jobs the job executor could run now (due, with retries left). */
  public static long executableJobs(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    return management.createJobQuery().executable().count();
  }

  private static void deleteH2(String name) {
    try {
      Files.createDirectories(H2_DIR);
      try (Stream<Path> files = Files.list(H2_DIR)) {
        for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops every table of a MySQL/MariaDB benchmark database, so each scenario starts on an empty one. */
  static void dropAllTables(BenchmarkDatabase db) {
    try {
      EmptyDatabase.dropAllTables(db.url(), db.user(), db.password());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty the benchmark database " + db.url() + ": " + e.getMessage(), e);
    }
  }
}
