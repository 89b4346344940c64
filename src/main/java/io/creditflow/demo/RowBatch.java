package io.creditflow.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows for one table, written as multi-row {@code INSERT ... VALUES (...), (...), ...} statements: portable SQL that H2
 * and MySQL/MariaDB both execute as one statement per group, so a chunk of a thousand loans costs a handful of round
 * trips instead of one per row. At most {@value #MAX_PARAMETERS} parameters per statement (MySQL allows 65,535).
 */
final class RowBatch {

  static final int MAX_PARAMETERS = 20_000;
  private static final int MAX_ROWS = 500;

  private final String table;
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  RowBatch(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  void add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values);
  }

  int size() {
    return rows.size();
  }

  /** Inserts every row added since the last flush on {@code connection} and forgets them; returns the row count. */
  int flush(Connection connection) throws SQLException {
    int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size()));
    int written = 0;
    PreparedStatement full = null;
    try {
      for (int start = 0; start < rows.size(); start += perStatement) {
        int count = Math.min(perStatement, rows.size() - start);
        PreparedStatement statement;
        if (count == perStatement) {
          if (full == null) {
            full = connection.prepareStatement(sql(perStatement));
          }
          statement = full;
        } else {
          statement = connection.prepareStatement(sql(count));
        }
        try {
          int p = 1;
          for (int r = start; r < start + count; r++) {
            for (Object value : rows.get(r)) {
              statement.setObject(p++, value);
            }
          }
          written += statement.executeUpdate();
        } finally {
          if (statement != full) {
            statement.close();
          }
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
    rows.clear();
    return written;
  }

  private String sql(int rowCount) {
    String placeholders = "(" + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
        + String.join(",", Collections.nCopies(rowCount, placeholders));
  }
}
