package io.creditflow.bench;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The floor's per-loan work ({@code bench/per-loan-timer.bpmn}), as little as the classic design needs when a loan's
 * due-date timer fires: one query (is anything of the current schedule due and unpaid?) and, when it is, one insert
 * (the reminder, into a benchmark table). Benchmark only: the bean is added by {@link Beans} as a source of the
 * benchmark's context.
 */
public class FloorWork {

  /** Registers {@code benchFloorWork}, the name the floor model's expressions use. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Beans {
    @Bean("benchFloorWork")
    FloorWork benchFloorWork(JdbcTemplate jdbc) {
      return new FloorWork(jdbc);
    }
  }

  static final String TABLE = "bench_floor_reminder";

  private final JdbcTemplate jdbc;

  public FloorWork(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void createTable() {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE
        + " (loan_number VARCHAR(14) NOT NULL, created_at DATETIME(6) NOT NULL, PRIMARY KEY (loan_number))");
  }

  public boolean paid(String loanNumber) {
    Integer unpaid = jdbc.queryForObject("SELECT COUNT(*) FROM cf_instalment i JOIN cf_loan l"
        + " ON l.loan_number = i.loan_number AND l.schedule_version = i.schedule_version"
        + " WHERE l.loan_number = ? AND i.due_date <= l.first_due_date AND i.status <> 'PAID'", Integer.class,
        loanNumber);
    return unpaid == null || unpaid == 0;
  }

  public void remind(String loanNumber) {
    jdbc.update("INSERT INTO " + TABLE + " (loan_number, created_at) VALUES (?, ?)", loanNumber,
        Timestamp.from(Instant.now()));
  }

  long reminders() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Long.class);
    return n == null ? 0 : n;
  }
}
