package io.creditflow.resilience;

import io.creditflow.support.EmptyDatabase;
import io.creditflow.support.RequiresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database the resilience suites run their nodes on: a database of their own, emptied before each suite, so that
 * the invariants they check (every payment, every notification, every instance) are about their own work only and the
 * rest of the MariaDB suite is not disturbed.
 *
 * <p>Its URL is {@code CREDITFLOW_RESILIENCE_DB_URL} when set (then it must be usable, or the suite fails), else the
 * test database's URL with {@code _resilience} appended to the database name ({@code .../creditflow_test} →
 * {@code .../creditflow_test_resilience}), created when missing; same user and password. When the user may not create
 * or use that database the suite is skipped and says why (CI grants it: see {@code .ci/run}).
 */
final class ResilienceDatabase {

  static final String OVERRIDE = "CREDITFLOW_RESILIENCE_DB_URL";

  final String url;
  final String user;
  final String password;
  final JdbcTemplate jdbc;

  private ResilienceDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
    dataSource.setDriverClassName("com.mysql.cj.jdbc.Driver");
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** The suite's database, created when missing and emptied; aborts (skips) the suite when it cannot be used. */
  static ResilienceDatabase prepareEmpty() {
    String testUrl = System.getenv(RequiresTestDatabase.URL);
    String user = RequiresTestDatabase.env(RequiresTestDatabase.USER, "creditflow");
    String password = RequiresTestDatabase.env(RequiresTestDatabase.PASSWORD, "creditflow");
    String override = System.getenv(OVERRIDE);
    boolean explicit = override != null && !override.isBlank();
    String url = explicit ? override : derive(testUrl);
    try {
      if (!explicit) {
        try (Connection connection = DriverManager.getConnection(testUrl, user, password);
            Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE IF NOT EXISTS " + databaseName(url)
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
      }
      EmptyDatabase.dropAllTables(url, user, password);
    } catch (SQLException e) {
      String reason = "the resilience suites need a database of their own (" + url + "), which user " + user
          + " cannot create or use: " + e.getMessage() + ". Grant it (see .ci/run) or set " + OVERRIDE;
      if (explicit) {
        throw new IllegalStateException(reason, e);
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    return new ResilienceDatabase(url, user, password);
  }

  static String derive(String testUrl) {
    int query = testUrl.indexOf('?');
    String base = query < 0 ? testUrl : testUrl.substring(0, query);
    String parameters = query < 0 ? "" : testUrl.substring(query);
    return base + "_resilience" + parameters;
  }

  static String databaseName(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String name = base.substring(base.lastIndexOf('/') + 1);
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("Unexpected database name in " + url);
    }
    return name;
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args);
  }

  long count(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }

  <T> List<T> column(String sql, Class<T> type, Object... args) {
    return jdbc.queryForList(sql, type, args);
  }
}
