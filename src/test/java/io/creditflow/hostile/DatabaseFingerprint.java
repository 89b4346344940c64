package io.creditflow.hostile;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The state a request could change: per table the row count and an order-independent checksum of every row's
 * content, for our tables ({@code cf_*}) and the engine's runtime tables ({@code ACT_RU_*}) and process-instance
 * history ({@code ACT_HI_PROCINST}). Two equal fingerprints: nothing was inserted, deleted or updated there.
 */
final class DatabaseFingerprint {

  /** One table: rows and a checksum of their contents. */
  record TableState(long rows, long checksum) {}

  private final DataSource dataSource;
  private final List<String> tables;

  DatabaseFingerprint(DataSource dataSource) {
    this.dataSource = dataSource;
    this.tables = tables(dataSource);
    if (tables.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("cf_"))
        || tables.stream().noneMatch(t -> t.toUpperCase(Locale.ROOT).startsWith("ACT_RU_"))) {
      throw new IllegalStateException("expected cf_* and ACT_RU_* tables, found " + tables);
    }
  }

  List<String> tables() {
    return tables;
  }

  Map<String, TableState> take() {
    Map<String, TableState> state = new TreeMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables) {
        long rows = 0;
        long checksum = 0;
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          int columns = meta.getColumnCount();
          while (rs.next()) {
            rows++;
            long row = 17;
            for (int c = 1; c <= columns; c++) {
              // by content: a CLOB or BLOB object's toString() names the object, not its content
              int type = meta.getColumnType(c);
              boolean binary = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
                  || type == Types.LONGVARBINARY;
              int hash;
              if (binary) {
                hash = Arrays.hashCode(rs.getBytes(c));
              } else {
                String text = rs.getString(c);
                hash = text == null ? 0 : text.hashCode();
              }
              row = row * 31 + hash;
            }
            checksum += row * 0x9E3779B97F4A7C15L; // a sum: independent of row order
          }
        }
        state.put(table, new TableState(rows, checksum));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return state;
  }

  /** The tables whose state differs, with before and after. */
  static Map<String, String> differences(Map<String, TableState> before, Map<String, TableState> after) {
    Map<String, String> changed = new TreeMap<>();
    for (Map.Entry<String, TableState> entry : before.entrySet()) {
      TableState now = after.get(entry.getKey());
      if (!entry.getValue().equals(now)) {
        changed.put(entry.getKey(), entry.getValue() + " -> " + now);
      }
    }
    return changed;
  }

  private static List<String> tables(DataSource dataSource) {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          String name = rs.getString("TABLE_NAME");
          String upper = name.toUpperCase(Locale.ROOT);
          if ("INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
            continue;
          }
          if (upper.startsWith("CF_") || upper.startsWith("ACT_RU_") || upper.equals("ACT_HI_PROCINST")) {
            names.add(name);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    names.sort(String::compareTo);
    return List.copyOf(names);
  }
}
