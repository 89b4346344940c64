package io.creditflow.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Lets the JVM settle before a measured phase: a garbage collection of what the last phase left (the previous
 * application context, the seeding), then a wait until the JIT compilers are idle, so the measured phase neither
 * collects the previous phase's garbage nor waits for the compiler on code that only the start-up and the seeding ran.
 * On the 2-core machine this took 1.7 to 6 seconds after seeding a wave. It does not make the JIT steady: that is the
 * warm-up's work ({@link Warmup}). The same settling runs before every measured phase, ours and the floor's.
 */
final class JvmSettle {

  /** How long the compilers must have had nothing to do. */
  private static final long QUIET_MILLIS = 1_000;
  private static final long STEP_MILLIS = 250;
  /** At most this long; a JVM that never settles is measured as it is, and the result says so. */
  private static final long MAX_MILLIS = 120_000;

  private JvmSettle() {}

  /**
   * Collects garbage and waits (at most two minutes) until the JIT compilers have compiled nothing for a second.
   * Returns a note for the result: how long it waited, and whether the compilers went quiet.
   */
  static String settle() {
    long start = System.nanoTime();
    System.gc();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return "JVM settled: garbage collected; the JIT's compile time is not monitored here";
    }
    long quietSince = System.nanoTime();
    long last = jit.getTotalCompilationTime();
    while (true) {
      OriginationDriver.sleep(STEP_MILLIS);
      long now = jit.getTotalCompilationTime();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
      long waited = (System.nanoTime() - start) / 1_000_000;
      if ((System.nanoTime() - quietSince) / 1_000_000 >= QUIET_MILLIS) {
        return String.format("JVM settled: garbage collected, JIT compilers idle for %,d ms after %,d ms",
            QUIET_MILLIS, waited);
      }
      if (waited >= MAX_MILLIS) {
        return String.format("JVM not settled: the JIT compilers were still busy after %,d ms", waited);
      }
    }
  }
}
