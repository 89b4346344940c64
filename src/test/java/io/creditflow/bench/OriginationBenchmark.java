package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditflow.bench.OriginationDriver.App;
import io.creditflow.bench.OriginationDriver.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 1, origination (issue 9): N applications of the sandbox PRIME persona submitted through
 * {@code POST /api/applications} by C concurrent channel clients, each reading its application until the decision is
 * visible and accepting the offer, job executor on, until every one is DISBURSED. Reports applications/s (and per
 * hour) and p50/p99 time to decision (submit to decision visible through the API).
 *
 * <p>Floor: {@code bench/origination-floor.bpmn}, the same asynchronous steps as the PRIME path of
 * {@code loanOrigination} (asyncBefore screen, asyncBefore bureau, the event-based wait for the answer with its expiry
 * timer, asyncBefore disburse), each a no-op, started and answered through the engine API by the same number of
 * clients on the same engine and database. Target: ours/floor at least 0.33.
 *
 * <p>Parameters: {@code -Dbench.origination.applications} (300), {@code -Dbench.clients} (8),
 * {@code -Dbench.origination.warmup} (200 per warm-up run, not measured; runs until the JIT is steady, {@link Warmup}),
 * {@code -Dbench.origination.wait-seconds} (20: a client reads
 * its application with {@code ?whileStatus=…&waitSeconds=20}, long polling, as a channel should; 0: plain reads every
 * poll-millis, as a naive channel does), {@code -Dbench.poll-millis} (50, how often a client reads its application
 * when it does not wait, and a floor client its instance).
 */
@Tag("benchmark")
class OriginationBenchmark {

  static final int APPLICATIONS = Integer.getInteger("bench.origination.applications", 300);
  static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  static final int WARMUP = Integer.getInteger("bench.origination.warmup", 200);
  static final long POLL_MILLIS = Long.getLong("bench.poll-millis", 50);
  static final int WAIT_SECONDS = Integer.getInteger("bench.origination.wait-seconds", 20);
  static final double TARGET = 0.33;
  private static final String FLOOR_PROCESS = "originationFloor";
  private static final String FLOOR_MESSAGE = "FloorAnswered";
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  /** What one measured phase gave: how many, in how long, and each one's time to decision (or wait state). */
  record Phase(int count, long nanos, List<Long> decisionNanos, long cpuNanos) {
    double perSecond() {
      return count / (nanos / 1e9);
    }

    double cpuMillisEach() {
      return cpuNanos / 1e6 / count;
    }
  }

  /** CPU time of this JVM so far (application, engine and the benchmark's clients). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static Stream<BenchmarkDatabase> databases() {
    return BenchmarkDatabase.selected().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void originationAgainstItsFloor(BenchmarkDatabase db) throws Exception {
    try (App app = OriginationDriver.start(db, "origination")) {
      ProcessEngine engine = app.engine();
      engine.getRepositoryService().createDeployment().name("benchmark origination floor")
          .addClasspathResource("bench/origination-floor.bpmn").enableDuplicateFiltering(false).deploy();
      String run = OriginationDriver.runId();

      // warm-up (JIT, caches, connection pools), not measured, each side until the JIT is steady (Warmup)
      AtomicInteger warmups = new AtomicInteger();
      String oursWarmup = Warmup.untilSteady("origination",
          Warmup.metered(() -> ours(app, run + "W" + warmups.incrementAndGet(), WARMUP))).note();
      String floorWarmup = Warmup.untilSteady("floor",
          Warmup.metered(() -> floor(engine, run + "W" + warmups.incrementAndGet(), WARMUP))).note();
      // the floor first: ours leaves notifications for the outbox dispatcher, which would slow a floor after it
      JvmSettle.settle();
      Warmup.Meter floorMeter = new Warmup.Meter();
      Phase floor = floor(engine, run + "F", APPLICATIONS);
      double floorJit = floorMeter.jitShare();
      double floorDatabase = floorMeter.databaseServerMillisEach(db, floor.count());
      String settled = JvmSettle.settle();
      Warmup.Meter oursMeter = new Warmup.Meter();
      Phase ours = ours(app, run + "M", APPLICATIONS);
      double oursJit = oursMeter.jitShare();
      double oursDatabase = oursMeter.databaseServerMillisEach(db, ours.count());

      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      double ratio = ours.perSecond() / floor.perSecond();
      BenchmarkReport.measurement("origination", db.name())
          .parameter("applications", APPLICATIONS)
          .parameter("clients", CLIENTS)
          .parameter("warmup", WARMUP)
          .parameter("pollMillis", POLL_MILLIS)
          .parameter("waitSeconds", WAIT_SECONDS)
          .metric("throughput", ours.perSecond(), "applications/s")
          .metric("throughput per hour", ours.perSecond() * 3600, "applications/h")
          .metric("time to decision p50", OriginationDriver.percentileMillis(ours.decisionNanos(), 0.50), "ms")
          .metric("time to decision p99", OriginationDriver.percentileMillis(ours.decisionNanos(), 0.99), "ms")
          .metric("all disbursed after", ours.nanos() / 1e9, "s")
          .metric("floor throughput", floor.perSecond(), "instances/s")
          .metric("floor time to wait state p50", OriginationDriver.percentileMillis(floor.decisionNanos(), 0.50),
              "ms")
          .metric("floor time to wait state p99", OriginationDriver.percentileMillis(floor.decisionNanos(), 0.99),
              "ms")
          .metric("CPU per application", ours.cpuMillisEach(), "ms")
          .metric("floor CPU per instance", floor.cpuMillisEach(), "ms")
          .metricIfKnown("database server CPU per application", oursDatabase, "ms")
          .metricIfKnown("floor: database server CPU per instance", floorDatabase, "ms")
          .metric("JIT compilers' share of this JVM's CPU", oursJit * 100, "%")
          .metric("floor: JIT compilers' share of this JVM's CPU", floorJit * 100, "%")
          .target("origination at least 33% of its floor (applications/s over floor instances/s)", ratio,
              ratio >= TARGET)
          .note("PRIME path: submit, 2 asynchronous jobs to the offer (screen, bureau + score + decide + offer), the "
              + "wait for the answer (message, with the expiry timer), 1 asynchronous job to disburse. Floor: "
              + "bench/origination-floor.bpmn with the same steps as no-ops, started and answered through the engine "
              + "API (no HTTP), same engine, job executor and database. " + (WAIT_SECONDS > 0
              ? "Our clients read with ?whileStatus=…&waitSeconds=" + WAIT_SECONDS + " (long polling); the floor's poll "
              + "every " + POLL_MILLIS + " ms"
              : "Clients poll every " + POLL_MILLIS + " ms"))
          .note(oursWarmup)
          .note(floorWarmup)
          .note(settled + " (before each side)")
          .write();
    }
  }

  /** N applications through the API by C clients, until every one is DISBURSED. */
  private static Phase ours(App app, String prefix, int count) throws Exception {
    List<Long> decisions = Collections.synchronizedList(new ArrayList<>());
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    clients(count, () -> {
      Client client = app.client();
      return i -> {
        long t0 = System.nanoTime();
        String id = client.submit(prefix + "-" + i, prefix + i);
        JsonNode decided = client.awaitDecision(id, WAIT_SECONDS, POLL_MILLIS, Duration.ofMinutes(5));
        decisions.add(System.nanoTime() - t0);
        assertThat(decided.path("decision").path("outcome").asText()).isEqualTo("AUTO_APPROVE");
        assertThat(decided.path("status").asText()).isEqualTo("OFFERED");
        client.accept(id);
      };
    });
    OriginationDriver.await(count + " applications " + prefix + " DISBURSED", TIMEOUT, () -> app.jdbc()
        .queryForObject("SELECT COUNT(*) FROM cf_loan_application WHERE external_reference LIKE ? AND status = ?",
            Long.class, prefix + "-%", "DISBURSED") == count);
    long nanos = System.nanoTime() - start;
    assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM cf_loan l JOIN cf_loan_application a"
        + " ON a.id = l.application_id WHERE a.external_reference LIKE ?", Long.class, prefix + "-%"))
        .isEqualTo(count);
    return new Phase(count, nanos, decisions, processCpuNanos() - cpu);
  }

  /** N floor instances started and answered through the engine by C clients, until every one has ended. */
  private static Phase floor(ProcessEngine engine, String prefix, int count) throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    clients(count, () -> i -> {
      long t0 = System.nanoTime();
      String instance = runtime.startProcessInstanceByKey(FLOOR_PROCESS, prefix + "-" + i).getId();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (runtime.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
          .eventName(FLOOR_MESSAGE).count() == 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("floor instance " + instance + " did not reach its wait state");
        }
        OriginationDriver.sleep(POLL_MILLIS);
      }
      waits.add(System.nanoTime() - t0);
      runtime.createMessageCorrelation(FLOOR_MESSAGE).processInstanceId(instance).correlate();
    });
    OriginationDriver.await(count + " floor instances " + prefix + " ended", TIMEOUT, () -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(FLOOR_PROCESS)
        .processInstanceBusinessKeyLike(prefix + "-%").finished().count() == count);
    long nanos = System.nanoTime() - start;
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_Done")
        .finished().count()).isGreaterThanOrEqualTo(count);
    return new Phase(count, nanos, waits, processCpuNanos() - cpu);
  }

  interface Work {
    void run(int index) throws Exception;
  }

  interface ClientFactory {
    Work create() throws Exception;
  }

  /** Runs items 0..count-1 by {@link #CLIENTS} concurrent clients, each taking the next item when done. */
  static void clients(int count, ClientFactory factory) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(pool.submit(() -> {
          Work work = factory.create();
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
