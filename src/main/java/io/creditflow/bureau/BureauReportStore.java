package io.creditflow.bureau;

import io.creditflow.bureau.BureauReportRecord.ExportStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * {@code cf_bureau_report} and {@code cf_bureau_report_export} through plain JDBC, in the caller's transaction (the
 * transaction manager shares its connection with {@link JdbcTemplate}).
 *
 * <p>Why not JPA: a record is inserted with a unique key that a concurrent transaction may have taken a moment
 * earlier. A failed JDBC statement leaves the caller's transaction usable on H2 and MySQL/MariaDB (they roll back
 * the statement, not the transaction), so the service can catch the duplicate and return the stored record. A failed
 * Hibernate flush instead marks the whole transaction for rollback, and the caller's work (a close-of-business chunk,
 * a process step) would be lost with it. Instants are stored as UTC wall time in whole seconds, as Hibernate stores
 * them elsewhere ({@code hibernate.jdbc.time_zone: UTC}).
 */
@Repository
class BureauReportStore {

  private static final String COLUMNS = "id, loan_number, customer_id, kind, account_status, payment_rating, as_of,"
      + " days_past_due, currency, current_balance, amount_past_due, note, created_at, export_status, exported_at,"
      + " export_reference";

  private static final RowMapper<BureauReportRecord> RECORD = BureauReportStore::record;

  /** An export as stored. */
  record Export(String id, String exportReference, LocalDate from, LocalDate to, int recordCount, String exportedBy,
      Instant exportedAt) {}

  private final JdbcTemplate jdbc;

  BureauReportStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<BureauReportRecord> find(String loanNumber, BureauReportKind kind, LocalDate asOf) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cf_bureau_report WHERE loan_number = ? AND kind = ? AND as_of = ?",
        RECORD, loanNumber, kind.name(), asOf).stream().findFirst();
  }

  /** Inserts {@code r}; a duplicate of its loan, kind and as-of date fails with a DuplicateKeyException. */
  void insert(BureauReportRecord r) {
    jdbc.update("INSERT INTO cf_bureau_report (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(), r.loanNumber(), r.customerId(), r.kind().name(), r.accountStatus(), r.paymentRating(), r.asOf(),
        r.daysPastDue(), r.currency(), r.currentBalance(), r.amountPastDue(), r.note(), utc(r.createdAt()),
        r.exportStatus().name(), utc(r.exportedAt()), r.exportReference());
  }

  long count(LocalDate from, LocalDate to) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM cf_bureau_report WHERE as_of >= ? AND as_of <= ?",
        Long.class, from, to);
    return count == null ? 0 : count;
  }

  /** Records with an as-of date in [from, to], by as-of date, loan number and kind. */
  List<BureauReportRecord> list(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cf_bureau_report WHERE as_of >= ? AND as_of <= ?"
        + " ORDER BY as_of, loan_number, kind", RECORD, from, to);
  }

  Optional<Export> findExport(String exportReference) {
    return jdbc.query("SELECT id, export_reference, from_date, to_date, record_count, exported_by, exported_at"
            + " FROM cf_bureau_report_export WHERE export_reference = ?",
        (rs, row) -> new Export(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6), instant(rs, 7)),
        exportReference).stream().findFirst();
  }

  /** Inserts the export; a second one under the same reference fails with a DuplicateKeyException. */
  void insertExport(Export export) {
    jdbc.update("INSERT INTO cf_bureau_report_export (id, export_reference, from_date, to_date, record_count,"
            + " exported_by, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", export.id(), export.exportReference(),
        export.from(), export.to(), export.recordCount(), export.exportedBy(), utc(export.exportedAt()));
  }

  void setExportCount(String exportId, int count) {
    jdbc.update("UPDATE cf_bureau_report_export SET record_count = ? WHERE id = ?", count, exportId);
  }

  /** Marks the PENDING records of [from, to] EXPORTED under {@code exportReference}; returns how many. */
  int markExported(LocalDate from, LocalDate to, String exportReference, Instant exportedAt) {
    return jdbc.update("UPDATE cf_bureau_report SET export_status = ?, exported_at = ?, export_reference = ?"
            + " WHERE export_status = ? AND as_of >= ? AND as_of <= ?", ExportStatus.EXPORTED.name(), utc(exportedAt),
        exportReference, ExportStatus.PENDING.name(), from, to);
  }

  private static BureauReportRecord record(ResultSet rs, int row) throws SQLException {
    return new BureauReportRecord(rs.getString("id"), rs.getString("loan_number"), rs.getString("customer_id"),
        BureauReportKind.valueOf(rs.getString("kind")), rs.getString("account_status"),
        rs.getString("payment_rating"), rs.getObject("as_of", LocalDate.class), rs.getInt("days_past_due"),
        rs.getString("currency"), rs.getBigDecimal("current_balance"), rs.getBigDecimal("amount_past_due"),
        rs.getString("note"), instant(rs, "created_at"), ExportStatus.valueOf(rs.getString("export_status")),
        instant(rs, "exported_at"), rs.getString("export_reference"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
