package io.creditflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which database a benchmark runs on. H2 (a file database under {@code target/bench/h2}, as the embedded default
 * runs) always; MySQL/MariaDB in addition when {@code -Dbench.db.url=jdbc:mysql://host:3306/db} is given (with
 * {@code -Dbench.db.user} and {@code -Dbench.db.password}, default {@code creditflow}/{@code creditflow}).
 * Scenarios run once per database returned by {@link #selected()}; {@code -Dbench.databases=mariadb} runs only the
 * MariaDB side, {@code h2} only the H2 side.
 */
public record BenchmarkDatabase(String name, String url, String user, String password) {

  public boolean isMySql() {
    return url != null && url.startsWith("jdbc:mysql:");
  }

  public static List<BenchmarkDatabase> selected() {
    String only = System.getProperty("bench.databases", "h2,mariadb");
    List<BenchmarkDatabase> dbs = new ArrayList<>();
    if (only.contains("h2")) {
      dbs.add(new BenchmarkDatabase("h2", null, null, null));
    }
    String url = System.getProperty("bench.db.url", System.getenv("CREDITFLOW_BENCH_DB_URL"));
    if (only.contains("mariadb") && url != null && !url.isBlank()) {
      dbs.add(new BenchmarkDatabase("mariadb", url,
          System.getProperty("bench.db.user", "creditflow"), System.getProperty("bench.db.password", "creditflow")));
    }
    return dbs;
  }

  @Override
  public String toString() {
    return name;
  }
}
