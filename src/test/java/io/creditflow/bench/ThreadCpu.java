package io.creditflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM by thread group (JIT compiler, garbage collector, job executor, ...), read from Linux's
 * {@code /proc/self/task/<tid>/stat}: fields 14 and 15 are user and system time in clock ticks, field 2 the thread's
 * name (proc(5)). The JVM names its own threads there as well ("C2 CompilerThre", "GC Thread#0"), which
 * {@code ThreadMXBean} does not list. Empty where there is no {@code /proc}. Dead threads' time is lost, which is fine
 * for the long-lived pools this is for.
 */
final class ThreadCpu {

  /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ThreadCpu() {}

  /** Nanoseconds of CPU by thread group, for threads alive now. */
  static Map<String, Long> snapshot() {
    Map<String, Long> byGroup = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byGroup;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      threads.forEach(task -> {
        try {
          Stat stat = Stat.parse(Files.readString(task.resolve("stat")));
          byGroup.merge(group(stat.name()), stat.ticks() * NANOS_PER_TICK, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while being read
        }
      });
    } catch (IOException e) {
      return byGroup;
    }
    return byGroup;
  }

  /** Server processes of MariaDB and MySQL, by their name in {@code /proc/<pid>/stat}. */
  private static final Set<String> DATABASE_SERVERS = Set.of("mariadbd", "mysqld");

  /**
   * CPU time of a MariaDB or MySQL server running on this machine ({@code /proc/<pid>/stat}, the first process named
   * {@code mariadbd} or {@code mysqld}), in nanoseconds; -1 where there is none or it cannot be read. On a shared
   * machine the server competes with this JVM for the same cores, so what a scenario costs the server belongs beside
   * what it costs the JVM. A server elsewhere is not seen.
   */
  static long databaseServerNanos() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    try (Stream<Path> processes = Files.list(proc)) {
      long ticks = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(ThreadCpu::serverTicks).filter(t -> t >= 0).findFirst().orElse(-1);
      return ticks < 0 ? -1 : ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** User and system ticks of a database server process, -1 for any other process (or one gone meanwhile). */
  private static long serverTicks(Path process) {
    try {
      return serverTicks(Files.readString(process.resolve("stat")));
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  /** User and system ticks from a {@code /proc/<pid>/stat} line if it is a database server's, else -1. */
  static long serverTicks(String line) {
    try {
      Stat stat = Stat.parse(line);
      return DATABASE_SERVERS.contains(stat.name()) ? stat.ticks() : -1;
    } catch (RuntimeException malformed) {
      return -1;
    }
  }

  /** A {@code stat} line of {@code /proc}: the name (field 2) and user plus system time in ticks (fields 14, 15). */
  private record Stat(String name, long ticks) {

    /** Throws a RuntimeException for a line that is not one. */
    static Stat parse(String line) {
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      String[] rest = line.substring(close + 2).split(" ");
      // rest[0] is field 3 (state): fields 14 and 15 are rest[11] and rest[12]
      return new Stat(line.substring(open + 1, close), Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
    }
  }

  /** Nanoseconds of CPU by thread group since {@code before}, for groups that used some. */
  static Map<String, Long> delta(Map<String, Long> before) {
    Map<String, Long> delta = new TreeMap<>();
    snapshot().forEach((group, nanos) -> {
      long d = nanos - before.getOrDefault(group, 0L);
      if (d > 0) {
        delta.put(group, d);
      }
    });
    return delta;
  }

  /** The change since {@code before}, in milliseconds by group, largest first, as one line. */
  static String since(Map<String, Long> before) {
    StringBuilder line = new StringBuilder();
    delta(before).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> line.append(line.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
            .append(e.getValue() / 1_000_000).append(" ms"));
    return line.toString();
  }

  /** A thread's name without its number: "GC Thread#1" and "GC Thread#0" are one group. */
  static String group(String name) {
    return name.replaceAll("[#\\-]?\\d+$", "").trim();
  }
}
