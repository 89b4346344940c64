package io.creditflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm-up until the JIT is steady: runs an unmeasured phase again and again until the JIT compilers took at most
 * {@code -Dbench.warmup.jit-share} (default 10 %) of this JVM's CPU during the last run, or until
 * {@code -Dbench.warmup.max-runs} (default 8) runs; the same rule for ours and for the floor.
 *
 * <p>Why: this application's close of business, collection and origination run far more code than the floors' no-op
 * steps, and on a 2-core machine the one C2 compiler thread needs many runs to compile it. With a single small
 * warm-up the compilers took a third to half of the JVM's CPU during the measured waves, falling over five waves of
 * 10,000 loans from 46 % to 34 % while the waves got 57 % faster (README, "Thirteenth round"). A lender's node that has
 * been up for a day has compiled the code it runs; a measurement that pays for compiling it is a measurement of the
 * JIT. {@code -Dbench.warmup.max-runs=1} gives one warm-up run, as before.
 */
final class Warmup {

  static final double JIT_SHARE = Double.parseDouble(System.getProperty("bench.warmup.jit-share", "0.10"));
  static final int MAX_RUNS = Integer.getInteger("bench.warmup.max-runs", 8);

  private final String what;
  private final List<String> runs = new ArrayList<>();
  private boolean steady;

  private Warmup(String what) {
    this.what = what;
  }

  /** One run of a warm-up phase; returns the JIT's share of the CPU in its timed part ({@link Meter#jitShare()}). */
  @FunctionalInterface
  interface Run {
    double run() throws Exception;
  }

  /** The JVM's CPU, and its JIT compilers' part, from its start to {@link #jitShare()}. */
  static final class Meter {
    private final long cpu = OriginationBenchmark.processCpuNanos();
    private final Map<String, Long> threads = ThreadCpu.snapshot();
    private final long databaseServer = ThreadCpu.databaseServerNanos();

    /** The JVM's CPU since this meter started, in nanoseconds. */
    long cpuNanos() {
      return OriginationBenchmark.processCpuNanos() - cpu;
    }

    /** The JIT compilers' share of the JVM's CPU since this meter started; -1 where it cannot be told. */
    double jitShare() {
      long used = cpuNanos();
      if (threads.isEmpty() || used <= 0) {
        return -1;
      }
      return (double) compilerNanos(ThreadCpu.delta(threads)) / used;
    }

    /**
     * The CPU a local MariaDB/MySQL server used since this meter started, in milliseconds per item; -1 where the
     * scenario's database is not MySQL/MariaDB (H2 runs inside this JVM) or no server process is seen.
     */
    double databaseServerMillisEach(BenchmarkDatabase db, int items) {
      long now = ThreadCpu.databaseServerNanos();
      return !db.isMySql() || databaseServer < 0 || now < 0 ? -1 : (now - databaseServer) / 1e6 / items;
    }

    /** CPU by thread group since this meter started ({@link ThreadCpu#since}). */
    String byThreadGroup() {
      return ThreadCpu.since(threads);
    }
  }

  /** Work of a warm-up run, without a meter of its own. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** A {@link Run} of {@code action}, metered: the JIT's share of the CPU while it ran. */
  static Run metered(Action action) {
    return () -> {
      Meter meter = new Meter();
      action.run();
      return meter.jitShare();
    };
  }

  /**
   * Runs {@code run} until the JIT is steady (or {@link #MAX_RUNS} runs); returns what happened, for the result.
   * Where the JIT's share cannot be told (no {@code /proc}), one run.
   */
  static Warmup untilSteady(String what, Run run) throws Exception {
    Warmup warmup = new Warmup(what);
    for (int i = 0; i < MAX_RUNS && !warmup.steady; i++) {
      double share = run.run();
      if (share < 0) {
        // no /proc: the share cannot be told, so one run, as before
        warmup.runs.add("unknown");
        warmup.steady = true;
      } else {
        warmup.runs.add(String.format("%.0f %%", share * 100));
        warmup.steady = share <= JIT_SHARE;
      }
    }
    return warmup;
  }

  /** CPU of the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") in a {@link ThreadCpu} delta. */
  static long compilerNanos(Map<String, Long> byGroup) {
    return byGroup.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** The JIT compilers' share of the JVM's CPU in each run, and whether the last one was at most the limit. */
  String note() {
    return String.format("%s warm-up: %d run(s), JIT compilers' share of the JVM's CPU %s; %s (limit %.0f %%, at "
        + "most %d runs)", what, runs.size(), String.join(", ", runs), steady ? "steady" : "NOT steady",
        JIT_SHARE * 100, MAX_RUNS);
  }

  int runs() {
    return runs.size();
  }

  boolean steady() {
    return steady;
  }
}
