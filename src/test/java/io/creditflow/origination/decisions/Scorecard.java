package io.creditflow.origination.decisions;

import java.util.List;
import java.util.Optional;

/** The rows the scorecard table returned (hit policy COLLECT): one per characteristic. */
record Scorecard(List<Row> rows) {

  static final List<String> CHARACTERISTICS = List.of("BUREAU_SCORE", "DELINQUENCY", "INCOME", "DEBT_TO_INCOME",
      "EMPLOYMENT", "AGE", "DEPENDANTS", "RELATIONSHIP");
  static final int MAX_TOTAL = 900;

  record Row(String characteristic, Integer points, Integer maxPoints, String reasonCode, String reasonText) {
  }

  int total() {
    return rows.stream().mapToInt(Row::points).sum();
  }

  int maxTotal() {
    return rows.stream().mapToInt(Row::maxPoints).sum();
  }

  /** The single row of a characteristic; fails if there is none or more than one. */
  Row row(String characteristic) {
    List<Row> matching = rows.stream().filter(row -> row.characteristic().equals(characteristic)).toList();
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " rows for " + characteristic + " in " + rows);
    }
    return matching.get(0);
  }

  Optional<Row> find(String characteristic) {
    return rows.stream().filter(row -> row.characteristic().equals(characteristic)).findFirst();
  }
}
