package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The benchmark harness's warm-up rule and its per-thread CPU reading (defaults: 10 %, 8 runs). */
class WarmupTest {

  @Test
  void warmsUpUntilTheCompilersTookAtMostTheLimit() throws Exception {
    Deque<Double> shares = new ArrayDeque<>(List.of(0.46, 0.31, 0.12, 0.09, 0.01));

    Warmup warmup = Warmup.untilSteady("wave", shares::pop);

    assertThat(warmup.runs()).isEqualTo(4);
    assertThat(warmup.steady()).isTrue();
    assertThat(shares).containsExactly(0.01);
    assertThat(warmup.note()).isEqualTo("wave warm-up: 4 run(s), JIT compilers' share of the JVM's CPU 46 %, 31 %, "
        + "12 %, 9 %; steady (limit 10 %, at most 8 runs)");
  }

  @Test
  void stopsAfterTheMostRunsAndSaysItIsNotSteady() throws Exception {
    int[] runs = {0};

    Warmup warmup = Warmup.untilSteady("origination", () -> {
      runs[0]++;
      return 0.5;
    });

    assertThat(runs[0]).isEqualTo(Warmup.MAX_RUNS);
    assertThat(warmup.steady()).isFalse();
    assertThat(warmup.note()).contains("NOT steady");
  }

  @Test
  void runsOnceWhereTheShareCannotBeTold() throws Exception {
    Warmup warmup = Warmup.untilSteady("payments", () -> -1);

    assertThat(warmup.runs()).isEqualTo(1);
    assertThat(warmup.note()).contains("unknown");
  }

  @Test
  void groupsThreadsByNameWithoutTheirNumber() {
    assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC Thread");
    assertThat(ThreadCpu.group("cob-worker-12")).isEqualTo("cob-worker");
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    assertThat(Warmup.compilerNanos(Map.of("C2 CompilerThre", 300L, "C1 CompilerThre", 20L, "cob-worker", 900L)))
        .isEqualTo(320L);
  }

  @Test
  void readsThisJvmsThreadsCpuOnLinux() {
    assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).isTrue();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> before = ThreadCpu.snapshot();
    long spin = threads.getCurrentThreadCpuTime();
    double x = 0;
    // 200 ms of this thread's CPU, however busy the machine
    while (threads.getCurrentThreadCpuTime() - spin < 200_000_000L) {
      x += Math.sqrt(x + 1);
    }

    Map<String, Long> delta = ThreadCpu.delta(before);

    assertThat(x).isPositive();
    assertThat(before).isNotEmpty();
    assertThat(delta.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(150_000_000L);
  }

  @Test
  void readsADatabaseServersCpuFromItsStatLineAndNoOtherProcess() {
    // proc(5): pid (comm) state ppid ... field 14 utime, field 15 stime, in clock ticks
    String fields = " S 1 25043 25043 0 -1 4194624 8016 0 0 0 %d %d 0 0 20 0 40 0 123 1700000000 50000";

    assertThat(ThreadCpu.serverTicks("25043 (mariadbd)" + fields.formatted(1200, 34))).isEqualTo(1234L);
    assertThat(ThreadCpu.serverTicks("77 (mysqld)" + fields.formatted(5, 5))).isEqualTo(10L);
    assertThat(ThreadCpu.serverTicks("2291 (java)" + fields.formatted(1200, 34))).isEqualTo(-1L);
    assertThat(ThreadCpu.serverTicks("2291 (mariadbd) S 1")).isEqualTo(-1L);
  }

  @Test
  void reportsNoDatabaseServerCpuForH2WhichRunsInThisJvm() {
    BenchmarkDatabase h2 = new BenchmarkDatabase("h2", "jdbc:h2:mem:warmup", "sa", "");

    assertThat(new Warmup.Meter().databaseServerMillisEach(h2, 10)).isEqualTo(-1.0);
  }

  @Test
  void aMeteredRunReturnsTheJitShareOfItsWork() throws Exception {
    AtomicInteger runs = new AtomicInteger();

    double share = Warmup.metered(runs::incrementAndGet).run();

    assertThat(runs).hasValue(1);
    assertThat(share).isBetween(-1.0, 1.0);
  }
}
