package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.cob.CobRun;
import io.creditflow.cob.CobRunService;
import io.creditflow.demo.PortfolioSeeder;
import io.creditflow.demo.SeedPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 2 of issue 9, the due-date wave: N active loans whose instalment falls due on the same date, a share of
 * them ({@code -Dbench.wave.unpaid}, 5 %) unpaid, the others paid on the due date. The close of business for the due
 * date runs as production runs it (started like the 00:30 timer starts it, the job executor ON, chunks as jobs), and
 * the clock stops when every step has finished, every collection has started (case opened) and every job it caused
 * has run, so every day-1 reminder is in the outbox.
 *
 * <p>Floor: the classic design, one waiting process instance per loan with a due-date timer
 * ({@code src/test/resources/bench/per-loan-timer.bpmn}); the timers fire with the clock past the due date, and each
 * does the least the design needs (is it paid? else enqueue a reminder). Same engine, database and job executor.
 *
 * <p>Warm-up, as the other scenarios have one: on each database, floors of {@code -Dbench.wave.warmup} loans
 * (10,000; 0 for none) right before the measured floors, and waves of as many loans right before the measured waves,
 * neither measured, each side until the JIT is steady ({@link Warmup}: its compilers took at most a tenth of the JVM's
 * CPU in the last run, at most 8 runs). So neither the floor nor a measured wave pays for compiling its code. A
 * lender's close of business runs in a node that ran it the night before. Each result notes its warm-up runs, the
 * compilers' share in each, and the compilers' share during the measured run.
 *
 * <p>Parameters: {@code -Dbench.wave.sizes=10000,50000} (default), {@code -Dbench.floor.sizes} (default: the
 * smallest wave size), {@code -Dbench.wave.unpaid=0.05}, {@code -Dbench.wave.warmup=10000},
 * {@code -Dbench.warmup.max-runs=8}, {@code -Dbench.warmup.jit-share=0.10}. Each size on each database starts on a
 * fresh schema.
 */
@Tag("benchmark")
class DueDateWaveBenchmark {

  static final String SCENARIO = "due-date-wave";
  static final String FLOOR = "due-date-wave-floor";
  /** The due date of the wave: a Wednesday, a day that exists in every month. */
  static final LocalDate DUE = LocalDate.of(2027, 3, 10);
  private static final Duration LIMIT = Duration.ofHours(3);
  static final int WARMUP = Integer.getInteger("bench.wave.warmup", 10_000);

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void dueDateWave() throws Exception {
    List<Integer> sizes = sizes("bench.wave.sizes", "10000,50000");
    List<Integer> floorSizes = sizes("bench.floor.sizes", String.valueOf(sizes.get(0)));
    double unpaid = Double.parseDouble(System.getProperty("bench.wave.unpaid", "0.05"));
    for (BenchmarkDatabase db : BenchmarkDatabase.selected()) {
      // each side's warm-up (JIT, caches, connection pools) right before its measured runs, not measured: the same
      // work, smaller, until the JIT is steady (Warmup)
      String floorWarmup = WARMUP > 0
          ? Warmup.untilSteady("floor", () -> floor(db, WARMUP, unpaid, false, "").jitShare()).note()
          : "floor warm-up: none";
      Map<Integer, Double> floorRate = new TreeMap<>();
      for (int n : floorSizes) {
        floorRate.put(n, floor(db, n, unpaid, true, floorWarmup).rate());
      }
      String waveWarmup = WARMUP > 0
          ? Warmup.untilSteady("wave", () -> wave(db, WARMUP, unpaid, Map.of(), new TreeMap<>(), false, false, ""))
              .note()
          : "wave warm-up: none";
      Map<Integer, Double> perLoanMicros = new TreeMap<>();
      for (int n : sizes) {
        wave(db, n, unpaid, floorRate, perLoanMicros, n == sizes.stream().mapToInt(i -> i).max().orElseThrow(),
            true, waveWarmup + "; " + floorWarmup);
      }
    }
  }

  /** A floor run: its loans/s, and the JIT compilers' share of the JVM's CPU while it ran. */
  record FloorRun(double rate, double jitShare) {}

  /**
   * A wave of {@code n} loans, checked; its result written when {@code measured}. Returns the JIT compilers' share of
   * the JVM's CPU while it ran ({@link Warmup}).
   */
  private double wave(BenchmarkDatabase db, int n, double unpaid, Map<Integer, Double> floorRate,
      Map<Integer, Double> perLoanMicros, boolean largest, boolean measured, String warmup) {
    try (ConfigurableApplicationContext context = BenchApplication.fresh(db, "wave")) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      ZoneId zone = context.getBean(Clock.class).getZone();
      moveClock(DUE, LocalTime.of(20, 0), zone);
      PortfolioSeeder.Result seeded = context.getBean(PortfolioSeeder.class).seed(SeedPlan.wave(n, DUE, unpaid));
      String settled = JvmSettle.settle();

      moveClock(DUE.plusDays(1), LocalTime.of(0, 30), zone);
      Warmup.Meter meter = new Warmup.Meter();
      long started = System.nanoTime();
      CobRun run = context.getBean(CobRunService.class).start(DUE, "risk");
      long cobDone = 0;
      while (true) {
        String status = jdbc.queryForObject("SELECT status FROM cf_cob_run WHERE id = ?", String.class, run.getId());
        assertThat(status).as("COB run of %s loans", n).isNotEqualTo("FAILED");
        if ("COMPLETED".equals(status)) {
          cobDone = cobDone == 0 ? System.nanoTime() : cobDone;
          long cases = count(jdbc, "SELECT COUNT(*) FROM cf_collection_case");
          if (cases >= seeded.unpaid() && BenchApplication.executableJobs(engine) == 0) {
            break;
          }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
        OriginationDriver.sleep(200);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuMicrosPerLoan = meter.cpuNanos() / 1e3 / n;
      double jitShare = meter.jitShare();
      String threadCpu = meter.byThreadGroup();
      double cobSeconds = (cobDone - started) / 1e9;

      // what the wave must have done: every loan closed through the due date, the unpaid ones one day past due and
      // in collection, nothing recorded as failed
      assertThat(count(jdbc, "SELECT COUNT(*) FROM cf_loan WHERE last_closed_on = ?", DUE)).isEqualTo(n);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM cf_loan WHERE days_past_due = 1 AND status = 'DELINQUENT'"))
          .isEqualTo(seeded.unpaid());
      assertThat(count(jdbc, "SELECT COUNT(*) FROM cf_collection_case")).isEqualTo(seeded.unpaid());
      assertThat(count(jdbc, "SELECT COUNT(*) FROM cf_cob_loan_error")).isZero();
      long reminders = count(jdbc, "SELECT COUNT(*) FROM cf_notification WHERE template_key LIKE 'collection.%'");
      long collections = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collection")
          .count();

      if (!measured) {
        return jitShare;
      }
      double perLoan = seconds * 1e6 / n;
      perLoanMicros.put(n, perLoan);
      BenchmarkReport.Builder m = BenchmarkReport.measurement(SCENARIO, db.name())
          .parameter("loans", n).parameter("unpaidShare", unpaid).parameter("warmup", WARMUP)
          .metric("closeToLastCollection", seconds, "s")
          .metric("closeOfBusinessSteps", cobSeconds, "s")
          .metric("throughput", n / seconds, "loans/s")
          .metric("perLoanCost", perLoan, "µs/loan")
          .metric("CPU per loan (this JVM, not the database)", cpuMicrosPerLoan, "µs/loan")
          .metric("collectionsStarted", collections, "instances")
          .metric("collectionReminders", reminders, "notifications")
          .metric("seeding", seeded.loans() / (seeded.millis() / 1000.0), "loans/s")
          .metric("seededRows", seeded.rows(), "rows")
          .metric("JIT compilers' share of this JVM's CPU", jitShare * 100, "%")
          .note(String.format("%,d loans: CPU by thread group: %s", n, threadCpu))
          .note(settled)
          .note(warmup);
      jdbc.queryForList("SELECT s.step, s.duration_ms, s.chunks, s.processed FROM cf_cob_step s WHERE s.run_id = ?"
          + " ORDER BY s.step_order", run.getId()).forEach(step -> m.note(String.format(
              "%,d loans: step %s %,d ms in %s chunks, %s processed", n, step.get("step"),
              ((Number) step.get("duration_ms")).longValue(), step.get("chunks"), step.get("processed"))));
      Map.Entry<Integer, Double> floor = nearest(floorRate, n);
      if (floor != null) {
        double ratio = (n / seconds) / floor.getValue();
        m.target("loans/s at least 10x the per-loan-timer floor (floor at " + floor.getKey() + " loans)", ratio,
            ratio >= 10);
      }
      if (largest && perLoanMicros.size() > 1) {
        int base = perLoanMicros.containsKey(10_000) ? 10_000 : perLoanMicros.keySet().iterator().next();
        double growth = perLoan / perLoanMicros.get(base);
        m.target("per-loan cost at " + n + " within 1.25x of " + base + " (growth)", growth, growth <= 1.25);
      }
      if (n >= 1_000_000 && db.isMySql()) {
        double ratio = seconds / (15 * 60);
        m.target("1,000,000 loans closed within 15 minutes on MariaDB (measured/limit)", ratio, ratio <= 1);
      }
      m.write();
      return jitShare;
    }
  }

  /** The floor at {@code n} loans, checked; writes its result when {@code measured}. */
  private FloorRun floor(BenchmarkDatabase db, int n, double unpaid, boolean measured, String warmup) {
    try (ConfigurableApplicationContext context = BenchApplication.fresh(db, "wave-floor",
        new Class<?>[] {FloorWork.Beans.class})) {
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      ZoneId zone = context.getBean(Clock.class).getZone();
      FloorWork work = context.getBean(FloorWork.class);
      work.createTable();
      moveClock(DUE, LocalTime.of(20, 0), zone);
      PortfolioSeeder.Result seeded = context.getBean(PortfolioSeeder.class).seed(SeedPlan.wave(n, DUE, unpaid));
      engine.getRepositoryService().createDeployment().name("benchmark floor")
          .addClasspathResource("bench/per-loan-timer.bpmn").deploy();
      Date dueAt = Date.from(DUE.plusDays(1).atTime(LocalTime.of(0, 30)).atZone(zone).toInstant());
      RuntimeService runtime = engine.getRuntimeService();
      long seeding = System.nanoTime();
      for (String loan : jdbc.queryForList("SELECT loan_number FROM cf_loan ORDER BY loan_number", String.class)) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("loanNumber", loan);
        variables.put("dueAt", dueAt);
        runtime.startProcessInstanceByKey("benchPerLoanTimer", loan, variables);
      }
      double instancesPerSecond = n / ((System.nanoTime() - seeding) / 1e9);
      String settled = JvmSettle.settle();

      moveClock(DUE.plusDays(1), LocalTime.of(0, 30), zone);
      Warmup.Meter meter = new Warmup.Meter();
      long started = System.nanoTime();
      while (engine.getManagementService().createJobQuery().processDefinitionKey("benchPerLoanTimer").count() > 0) {
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
        OriginationDriver.sleep(200);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuMicrosPerLoan = meter.cpuNanos() / 1e3 / n;
      double jitShare = meter.jitShare();
      String threadCpu = meter.byThreadGroup();
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("benchPerLoanTimer").count()).isZero();
      assertThat(work.reminders()).isEqualTo(seeded.unpaid());
      double rate = n / seconds;
      if (!measured) {
        return new FloorRun(rate, jitShare);
      }
      BenchmarkReport.measurement(FLOOR, db.name()).parameter("loans", n).parameter("unpaidShare", unpaid)
          .parameter("warmup", WARMUP)
          .metric("timersToLastReminder", seconds, "s")
          .metric("throughput", rate, "loans/s")
          .metric("perLoanCost", seconds * 1e6 / n, "µs/loan")
          .metric("CPU per loan (this JVM, not the database)", cpuMicrosPerLoan, "µs/loan")
          .metric("waitingInstancesStarted", instancesPerSecond, "instances/s")
          .metric("JIT compilers' share of this JVM's CPU", jitShare * 100, "%")
          .note("floor: one process instance per loan waiting on a due-date timer; when it fires, one query "
              + "(paid?) and for the unpaid one insert (the reminder); same engine, database and job executor")
          .note(String.format("%,d loans: CPU by thread group: %s", n, threadCpu))
          .note(settled)
          .note(warmup)
          .write();
      return new FloorRun(rate, jitShare);
    }
  }

  static void moveClock(LocalDate date, LocalTime time, ZoneId zone) {
    ClockUtil.offset(date.atTime(time).atZone(zone).toInstant().toEpochMilli() - System.currentTimeMillis());
  }

  static long count(JdbcTemplate jdbc, String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  static List<Integer> sizes(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
  }

  private static Map.Entry<Integer, Double> nearest(Map<Integer, Double> floors, int n) {
    Map.Entry<Integer, Double> best = null;
    for (Map.Entry<Integer, Double> e : floors.entrySet()) {
      if (best == null || Math.abs(e.getKey() - n) < Math.abs(best.getKey() - n)) {
        best = e;
      }
    }
    return best;
  }

}
