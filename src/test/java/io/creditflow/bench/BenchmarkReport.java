package io.creditflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared output of every benchmark scenario. Each measurement is written as one part file under
 * {@code target/bench/parts/}; after every write the full {@code target/bench/results.json} and
 * {@code target/bench/results.md} are regenerated from all parts, so the report is complete however many benchmark
 * classes ran and in whatever order.
 *
 * <p>A measurement names its scenario, the database it ran on, its parameters (sizes, clients), its metrics, and,
 * where the issue asks for one, the engine's floor on the same machine and database and the ratio ours/floor with
 * the target it is held to.
 */
public final class BenchmarkReport {

  public static final Path DIR = Path.of("target", "bench");
  private static final Path PARTS = DIR.resolve("parts");
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private BenchmarkReport() {}

  /** One metric: a value with its unit, e.g. 412.5 "applications/s". */
  public record Metric(String name, double value, String unit) {}

  /**
   * A comparison against a target. {@code ratio} is ours/floor (or measured/limit as the target states);
   * {@code met} says whether the target holds.
   */
  public record Target(String description, double ratio, boolean met) {}

  /** One measurement of one scenario on one database at one size. */
  public record Measurement(
      String scenario,
      String database,
      Map<String, Object> parameters,
      List<Metric> metrics,
      List<Target> targets,
      List<String> notes,
      Instant measuredAt) {}

  /** Builder, so scenarios read as a list of what they report. */
  public static final class Builder {
    private final String scenario;
    private final String database;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String scenario, String database) {
      this.scenario = scenario;
      this.database = database;
    }

    public Builder parameter(String name, Object value) {
      parameters.put(name, value);
      return this;
    }

    public Builder metric(String name, double value, String unit) {
      metrics.add(new Metric(name, value, unit));
      return this;
    }

    /** A metric that exists only where it could be measured: none for a negative value. */
    public Builder metricIfKnown(String name, double value, String unit) {
      return value < 0 ? this : metric(name, value, unit);
    }

    public Builder target(String description, double ratio, boolean met) {
      targets.add(new Target(description, ratio, met));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    /** Writes this measurement and regenerates results.json and results.md; returns what was written. */
    public Measurement write() {
      Measurement m = new Measurement(scenario, database, Map.copyOf(parameters), List.copyOf(metrics),
          List.copyOf(targets), List.copyOf(notes), Instant.now());
      BenchmarkReport.write(m);
      return m;
    }
  }

  public static Builder measurement(String scenario, String database) {
    return new Builder(scenario, database);
  }

  static synchronized void write(Measurement m) {
    try {
      Files.createDirectories(PARTS);
      String label = (m.scenario() + "-" + m.database() + "-" + m.parameters().hashCode() + "-" + System.nanoTime())
          .replaceAll("[^A-Za-z0-9_.-]", "_");
      JSON.writeValue(PARTS.resolve(label + ".json").toFile(), m);
      List<Measurement> all = readParts();
      Map<String, Object> results = new LinkedHashMap<>();
      results.put("machine", machine());
      results.put("measurements", all);
      JSON.writeValue(DIR.resolve("results.json").toFile(), results);
      Files.writeString(DIR.resolve("results.md"), markdown(all));
      System.out.println("BENCHMARK " + m.scenario() + " [" + m.database() + "] " + m.parameters() + " " + m.metrics()
          + (m.targets().isEmpty() ? "" : " " + m.targets()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Measurement> readParts() throws IOException {
    List<Measurement> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(PARTS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(JSON.readValue(p.toFile(), Measurement.class));
      }
    }
    all.sort(Comparator.comparing(Measurement::scenario).thenComparing(Measurement::database)
        .thenComparing(Measurement::measuredAt));
    return all;
  }

  /** What the figures were taken on: they only mean something beside it. */
  public static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    var os = ManagementFactory.getOperatingSystemMXBean();
    m.put("os", os.getName() + " " + os.getVersion() + " " + os.getArch());
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      m.put("physicalMemoryBytes", sun.getTotalMemorySize());
    }
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  static String markdown(List<Measurement> all) {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = machine();
    md.append("# CreditFlow benchmark results\n\n");
    md.append(String.format(Locale.ROOT, "Machine: %s cores, %s, %s, max heap %d MiB.%n%n",
        machine.get("availableProcessors"), machine.get("os"), machine.get("java"),
        ((Number) machine.get("maxHeapBytes")).longValue() / (1024 * 1024)));
    md.append("| Scenario | Database | Parameters | Metrics | Targets |\n");
    md.append("|---|---|---|---|---|\n");
    for (Measurement m : all) {
      StringBuilder metrics = new StringBuilder();
      for (Metric x : m.metrics()) {
        if (!metrics.isEmpty()) {
          metrics.append("<br>");
        }
        metrics.append(x.name()).append(": ").append(format(x.value())).append(' ').append(x.unit());
      }
      StringBuilder targets = new StringBuilder();
      for (Target t : m.targets()) {
        if (!targets.isEmpty()) {
          targets.append("<br>");
        }
        targets.append(t.met() ? "met" : "**missed**").append(": ").append(t.description())
            .append(" (").append(format(t.ratio())).append(')');
      }
      md.append("| ").append(m.scenario()).append(" | ").append(m.database()).append(" | ")
          .append(m.parameters().toString().replace("|", "/")).append(" | ").append(metrics).append(" | ")
          .append(targets).append(" |\n");
    }
    boolean anyNotes = all.stream().anyMatch(m -> !m.notes().isEmpty());
    if (anyNotes) {
      md.append("\n## Notes\n\n");
      for (Measurement m : all) {
        for (String n : m.notes()) {
          md.append("- ").append(m.scenario()).append(" [").append(m.database()).append("]: ").append(n).append('\n');
        }
      }
    }
    return md.toString();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
