package io.creditflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Empties a MySQL/MariaDB database for a suite that starts the application on a fresh schema. */
public final class EmptyDatabase {

  private EmptyDatabase() {}

  /** Drops every table of the database {@code url} names (foreign keys off while it does). */
  public static void dropAllTables(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (String table : tables) {
        statement.execute("DROP TABLE IF EXISTS `" + table + "`");
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
  }
}
