package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.bench.OriginationBenchmark.Phase;
import io.creditflow.bench.OriginationDriver.App;
import io.creditflow.bench.OriginationDriver.Client;
import io.creditflow.cob.CobRunService;
import io.creditflow.identity.ProcessKeys;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 3, payments (issue 9): C concurrent clients post payments over HTTP
 * ({@code POST /api/loans/{loanNumber}/payments}, unique payment references) for a mix of loans in good standing and
 * loans in collection, so that {@code PaymentReceived} is correlated with the collection processes. Reports
 * payments/s and p50/p99 latency. Floor: {@link PaymentFloorController}, one authenticated insert on the same
 * database behind the same HTTP Basic authentication. Target: ours/floor at least 0.40. Idempotency under load is
 * asserted: references re-posted during the run, and posted twice at the same time afterwards, book once.
 *
 * <p>Setup, through the product: L loans originated through the API (half of them a day later), the engine clock
 * moved past the first due date, the close of business run for it: the loans disbursed first are 1 day past due and
 * their {@code collection} has started; the others have their first instalment due on the payment day.
 *
 * <p>Parameters: {@code -Dbench.payments.count} (2000), {@code -Dbench.payments.loans} (64),
 * {@code -Dbench.clients} (8), {@code -Dbench.payments.warmup} (300 per warm-up run, not measured; runs until the JIT
 * is steady, {@link Warmup}).
 */
@Tag("benchmark")
class PaymentBenchmark {

  static final int PAYMENTS = Integer.getInteger("bench.payments.count", 2000);
  static final int LOANS = Integer.getInteger("bench.payments.loans", 64);
  static final int CLIENTS = OriginationBenchmark.CLIENTS;
  static final int WARMUP = Integer.getInteger("bench.payments.warmup", 300);
  /** Every this many payments a client posts again a reference it used before (expects 200, nothing booked). */
  static final int REPOST_EVERY = 20;
  static final int RACED_REFERENCES = 100;
  static final double TARGET = 0.40;
  private static final BigDecimal AMOUNT = new BigDecimal("1.00");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** A loan the payments go to, and whether it is in collection. */
  record TargetLoan(String loanNumber, boolean inCollection) {}

  static Stream<BenchmarkDatabase> databases() {
    return BenchmarkDatabase.selected().stream();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void paymentsAgainstTheirFloor(BenchmarkDatabase db) throws Exception {
    try (App app = OriginationDriver.start(db, "payments",
        // the benchmark moves the engine clock: the daily timers would start their runs on their own
        "creditflow.cob.daily-enabled=false", "creditflow.portfolio.daily-enabled=false",
        "creditflow.inspection.quarterly-enabled=false")) {
      String run = OriginationDriver.runId();
      Setup setup = setUp(app, run);
      JdbcTemplate jdbc = app.jdbc();
      jdbc.execute(PaymentFloorController.DDL);

      String prefix = "PB-" + run;
      // warm-up, not measured, each side until the JIT is steady (Warmup)
      AtomicInteger warmups = new AtomicInteger();
      String oursWarmup = Warmup.untilSteady("payments",
          Warmup.metered(() -> post(app, setup, prefix + "-W" + warmups.incrementAndGet(), WARMUP, false))).note();
      String floorWarmup = Warmup.untilSteady("floor",
          Warmup.metered(() -> floor(app, setup, prefix + "-FW" + warmups.incrementAndGet(), WARMUP))).note();
      JvmSettle.settle();
      Warmup.Meter floorMeter = new Warmup.Meter();
      Phase floor = floor(app, setup, prefix + "-F", PAYMENTS);
      double floorJit = floorMeter.jitShare();
      double floorDatabase = floorMeter.databaseServerMillisEach(db, floor.count());
      String settled = JvmSettle.settle();
      Warmup.Meter oursMeter = new Warmup.Meter();
      Measured ours = post(app, setup, prefix + "-M", PAYMENTS, true);
      double oursJit = oursMeter.jitShare();
      double oursDatabase = oursMeter.databaseServerMillisEach(db, ours.phase().count());

      // booked once each, whatever was re-posted
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_payment WHERE payment_reference LIKE ?", Long.class,
          prefix + "-M-%")).isEqualTo(PAYMENTS);
      assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM cf_payment WHERE payment_reference LIKE ?",
          BigDecimal.class, prefix + "-M-%")).isEqualByComparingTo(AMOUNT.multiply(BigDecimal.valueOf(PAYMENTS)));
      assertThat(ours.reposts()).isPositive();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + PaymentFloorController.TABLE
          + " WHERE payment_reference LIKE ?", Long.class, prefix + "-F-%")).isEqualTo(PAYMENTS);
      Map<String, Long> correlation = correlation(jdbc, prefix + "-M-%");
      assertThat(correlation.getOrDefault("DELIVERED", 0L)).withFailMessage("no PaymentReceived delivered: %s",
          correlation).isPositive();
      assertThat(correlation).doesNotContainKey("PENDING");
      // the mix: each client alternates between its loans of either kind (a client's odd payment aside)
      long toCollection = paymentsToLoansInCollection(jdbc, setup, prefix + "-M-%");
      assertThat(toCollection).isBetween((long) PAYMENTS / 2 - CLIENTS, (long) PAYMENTS / 2 + CLIENTS);
      raceSameReferences(app, setup, prefix + "-R");
      assertThat(app.engine().getRuntimeService().createIncidentQuery().count()).isZero();

      double ratio = ours.phase().perSecond() / floor.perSecond();
      BenchmarkReport.measurement("payments", db.name())
          .parameter("payments", PAYMENTS)
          .parameter("loans", LOANS)
          .parameter("loansInCollection", setup.inCollection())
          .parameter("clients", CLIENTS)
          .parameter("warmup", WARMUP)
          .metric("throughput", ours.phase().perSecond(), "payments/s")
          .metric("latency p50", OriginationDriver.percentileMillis(ours.phase().decisionNanos(), 0.50), "ms")
          .metric("latency p99", OriginationDriver.percentileMillis(ours.phase().decisionNanos(), 0.99), "ms")
          .metric("payments to loans in collection", toCollection, "payments")
          .metric("PaymentReceived delivered", correlation.getOrDefault("DELIVERED", 0L), "payments")
          .metric("PaymentReceived not waited for", correlation.getOrDefault("NOT_WAITED", 0L), "payments")
          .metric("PaymentReceived failed (redelivered later)", correlation.getOrDefault("FAILED", 0L), "payments")
          .metric("re-posted references answered 200", ours.reposts(), "requests")
          .metric("CPU per payment", ours.phase().cpuMillisEach(), "ms")
          .metric("floor throughput", floor.perSecond(), "inserts/s")
          .metric("floor latency p50", OriginationDriver.percentileMillis(floor.decisionNanos(), 0.50), "ms")
          .metric("floor latency p99", OriginationDriver.percentileMillis(floor.decisionNanos(), 0.99), "ms")
          .metric("floor CPU per insert", floor.cpuMillisEach(), "ms")
          .metricIfKnown("database server CPU per payment", oursDatabase, "ms")
          .metricIfKnown("floor: database server CPU per insert", floorDatabase, "ms")
          .metric("JIT compilers' share of this JVM's CPU", oursJit * 100, "%")
          .metric("floor: JIT compilers' share of this JVM's CPU", floorJit * 100, "%")
          .target("payments at least 40% of their floor (payments/s over floor inserts/s)", ratio, ratio >= TARGET)
          .note("Payments of " + AMOUNT + " on " + LOANS + " loans, half 1 day past due with collection running "
              + "(PaymentReceived correlated in the booking's transaction), half with an instalment due that day; "
              + "each client pays its own loans, alternating between the two kinds, so half the payments go to each; "
              + "every " + REPOST_EVERY + "th request re-posts a reference (200, not booked, not counted). Floor: POST "
              + PaymentFloorController.PATH + ", same HTTP Basic and role check, one INSERT")
          .note(oursWarmup)
          .note(floorWarmup)
          .note(settled + " (before each side)")
          .write();
    }
  }

  record Setup(List<TargetLoan> loans, LocalDate paymentDay, int inCollection) {}

  record Measured(Phase phase, int reposts) {}

  /**
   * Originates the loans through the API, moves the clock past the first due date of the first half and runs the
   * close of business for it: that half goes into collection, the other half has its instalment due on the payment
   * day.
   */
  private static Setup setUp(App app, String run) throws Exception {
    JdbcTemplate jdbc = app.jdbc();
    Clock clock = app.context().getBean(Clock.class);
    LocalDate start = LocalDate.now(clock);
    LocalDate lastClosed = jdbc.queryForObject("SELECT MAX(business_date) FROM cf_cob_run WHERE status = 'COMPLETED'",
        LocalDate.class);
    if (lastClosed != null && !start.isAfter(lastClosed)) {
      start = lastClosed.plusDays(1);
    }
    if (start.getDayOfMonth() > 27) { // keep the first due dates of both halves one day apart
      start = start.withDayOfMonth(1).plusMonths(1);
    }
    assertThat(LOANS).withFailMessage("bench.payments.loans (%s) must give each of the %s clients a loan in "
        + "collection and one in good standing", LOANS, CLIENTS).isGreaterThanOrEqualTo(2 * CLIENTS);
    int half = LOANS / 2;
    List<String> late = originate(app, "PBA" + run, half, start, clock);
    List<String> current = originate(app, "PBB" + run, LOANS - half, start.plusDays(1), clock);
    LocalDate dueLate = singleDate(jdbc, "first_due_date", late);
    LocalDate dueCurrent = singleDate(jdbc, "first_due_date", current);
    LocalDate paymentDay = dueLate.plusDays(1);
    assertThat(dueCurrent).isAfterOrEqualTo(paymentDay);

    moveClock(clock, paymentDay, BenchApplication.CLOSE_STARTS);
    // the daily timer, made due by the move past 00:30 of the previous day, must have come and gone
    BenchApplication.awaitNoCloseRunning(app.engine());
    String runId = app.context().getBean(CobRunService.class).start(dueLate, "benchmark").getId();
    OriginationDriver.await("close of business " + dueLate, TIMEOUT, () -> "COMPLETED".equals(jdbc.queryForObject(
        "SELECT status FROM cf_cob_run WHERE id = ?", String.class, runId)));
    ProcessEngine engine = app.engine();
    OriginationDriver.await("collection started for " + late.size() + " loans", TIMEOUT, () -> late.stream()
        .allMatch(loan -> engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.COLLECTION).processInstanceBusinessKey(loan).count() == 1));
    OriginationDriver.await("the job executor idle", TIMEOUT, () -> engine.getManagementService().createJobQuery()
        .executable().active().count() == 0);
    for (String loan : late) {
      assertThat(jdbc.queryForObject("SELECT status FROM cf_loan WHERE loan_number = ?", String.class, loan))
          .isEqualTo("DELINQUENT");
    }
    for (String loan : current) {
      assertThat(jdbc.queryForObject("SELECT status FROM cf_loan WHERE loan_number = ?", String.class, loan))
          .isEqualTo("ACTIVE");
    }
    moveClock(clock, paymentDay, LocalTime.of(1, 0));
    List<TargetLoan> loans = new ArrayList<>();
    for (int i = 0; i < Math.max(late.size(), current.size()); i++) {
      if (i < late.size()) {
        loans.add(new TargetLoan(late.get(i), true));
      }
      if (i < current.size()) {
        loans.add(new TargetLoan(current.get(i), false));
      }
    }
    return new Setup(loans, paymentDay, late.size());
  }

  /** {@code count} PRIME applications submitted and accepted on {@code day}, until disbursed; their loan numbers. */
  private static List<String> originate(App app, String prefix, int count, LocalDate day, Clock clock)
      throws Exception {
    moveClock(clock, day, LocalTime.of(10, 0));
    OriginationBenchmark.clients(count, () -> {
      Client client = app.client();
      return i -> {
        String id = client.submit(prefix + "-" + i, prefix + i);
        client.awaitDecision(id, OriginationBenchmark.WAIT_SECONDS, OriginationBenchmark.POLL_MILLIS, TIMEOUT);
        client.accept(id);
      };
    });
    JdbcTemplate jdbc = app.jdbc();
    OriginationDriver.await(count + " loans " + prefix, TIMEOUT, () -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_loan_application WHERE external_reference LIKE ? AND status = 'DISBURSED'",
        Long.class, prefix + "-%") == count);
    return jdbc.queryForList("SELECT l.loan_number FROM cf_loan l JOIN cf_loan_application a ON a.id = "
        + "l.application_id WHERE a.external_reference LIKE ? ORDER BY l.loan_number", String.class, prefix + "-%");
  }

  private static LocalDate singleDate(JdbcTemplate jdbc, String column, List<String> loans) {
    List<LocalDate> dates = loans.stream().map(loan -> jdbc.queryForObject("SELECT " + column
        + " FROM cf_loan WHERE loan_number = ?", LocalDate.class, loan)).distinct().toList();
    assertThat(dates).hasSize(1);
    return dates.get(0);
  }

  /** Engine time = {@code day} at {@code time} in the business zone, running on from there. */
  private static void moveClock(Clock clock, LocalDate day, LocalTime time) {
    ClockUtil.reset();
    long target = ZonedDateTime.of(day, time, clock.getZone()).toInstant().toEpochMilli();
    ClockUtil.offset(target - System.currentTimeMillis());
  }

  /** {@code count} payments by the clients, each on its own loans; every 20th request re-posts a reference. */
  private static Measured post(App app, Setup setup, String prefix, int count, boolean repost) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger reposts = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long cpu = OriginationBenchmark.processCpuNanos();
    long start = System.nanoTime();
    runClients(c -> {
      Client client = app.client();
      // setup.loans() alternates in collection / in good standing; each client owns whole pairs, so every client's
      // payments alternate between the two kinds and the mix stays half and half however fast either kind is
      List<TargetLoan> mine = new ArrayList<>();
      for (int i = 0; i < setup.loans().size(); i++) {
        if ((i / 2) % CLIENTS == c) {
          mine.add(setup.loans().get(i));
        }
      }
      List<String[]> posted = new ArrayList<>();
      int own = 0;
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        TargetLoan loan = mine.get(own % mine.size());
        String reference = prefix + "-" + i;
        String path = "/api/loans/" + loan.loanNumber() + "/payments";
        String body = body(reference, setup.paymentDay());
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.post(path, body);
        latencies.add(System.nanoTime() - t0);
        assertThat(response.statusCode()).withFailMessage("payment %s: %s %s", reference, response.statusCode(),
            response.body()).isEqualTo(201);
        posted.add(new String[] {path, body, reference});
        own++;
        if (repost && own % REPOST_EVERY == 0) {
          String[] again = posted.get((own * 7) % posted.size());
          HttpResponse<String> repeated = client.post(again[0], again[1]);
          assertThat(repeated.statusCode()).withFailMessage("re-post %s: %s %s", again[2], repeated.statusCode(),
              repeated.body()).isEqualTo(200);
          assertThat(OriginationDriver.tree(repeated.body()).path("paymentReference").asText()).isEqualTo(again[2]);
          reposts.incrementAndGet();
        }
      }
    });
    long nanos = System.nanoTime() - start;
    return new Measured(new Phase(count, nanos, latencies, OriginationBenchmark.processCpuNanos() - cpu),
        reposts.get());
  }

  /** {@code count} authenticated single inserts through the floor endpoint. */
  private static Phase floor(App app, Setup setup, String prefix, int count) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long cpu = OriginationBenchmark.processCpuNanos();
    long start = System.nanoTime();
    runClients(c -> {
      Client client = app.client();
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        TargetLoan loan = setup.loans().get(i % setup.loans().size());
        String body = "{\"paymentReference\":\"" + prefix + "-" + i + "\",\"loanNumber\":\"" + loan.loanNumber()
            + "\",\"amount\":" + AMOUNT + "}";
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.post(PaymentFloorController.PATH, body);
        latencies.add(System.nanoTime() - t0);
        assertThat(response.statusCode()).withFailMessage("floor %s: %s", response.statusCode(), response.body())
            .isEqualTo(201);
      }
    });
    return new Phase(count, System.nanoTime() - start, latencies, OriginationBenchmark.processCpuNanos() - cpu);
  }

  /**
   * Each of {@link #RACED_REFERENCES} new references posted by two clients at the same time: one books it (201), the
   * other gets the same payment (200), and it is stored once.
   */
  private static void raceSameReferences(App app, Setup setup, String prefix) throws Exception {
    Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    runClients(c -> {
      Client client = app.client();
      for (int i = next.getAndIncrement(); i < 2 * RACED_REFERENCES; i = next.getAndIncrement()) {
        int ref = i / 2; // requests 2k and 2k+1 carry the same reference and run at the same time
        TargetLoan loan = setup.loans().get(ref % setup.loans().size());
        String reference = prefix + "-" + ref;
        HttpResponse<String> response = client.post("/api/loans/" + loan.loanNumber() + "/payments",
            body(reference, setup.paymentDay()));
        statuses.computeIfAbsent(reference, r -> Collections.synchronizedList(new ArrayList<>()))
            .add(response.statusCode());
      }
    });
    assertThat(statuses).hasSize(RACED_REFERENCES);
    statuses.forEach((reference, codes) -> assertThat(codes).as(reference).containsExactlyInAnyOrder(201, 200));
    assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM cf_payment WHERE payment_reference LIKE ?",
        Long.class, prefix + "-%")).isEqualTo(RACED_REFERENCES);
  }

  private static String body(String reference, LocalDate valueDate) {
    return "{\"paymentReference\":\"" + reference + "\",\"amount\":" + AMOUNT + ",\"valueDate\":\"" + valueDate
        + "\",\"channel\":\"PAYMENT_GATEWAY\"}";
  }

  private static long paymentsToLoansInCollection(JdbcTemplate jdbc, Setup setup, String referencePattern) {
    return setup.loans().stream().filter(TargetLoan::inCollection).mapToLong(loan -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_payment WHERE loan_number = ? AND payment_reference LIKE ?", Long.class,
        loan.loanNumber(), referencePattern)).sum();
  }

  private static Map<String, Long> correlation(JdbcTemplate jdbc, String referencePattern) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.queryForList("SELECT correlation_status, COUNT(*) AS n FROM cf_payment WHERE payment_reference LIKE ? "
        + "GROUP BY correlation_status", referencePattern).forEach(row -> counts.put(
            String.valueOf(row.get("correlation_status")).trim(), ((Number) row.get("n")).longValue()));
    return counts;
  }

  interface ClientLoop {
    void run(int client) throws Exception;
  }

  private static void runClients(ClientLoop loop) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(pool.submit(() -> {
          loop.run(client);
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
