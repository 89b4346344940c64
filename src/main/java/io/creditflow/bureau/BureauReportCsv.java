package io.creditflow.bureau;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Bureau report records as CSV after RFC 4180 (IETF, "Common Format and MIME Type for Comma-Separated Values
 * (CSV) Files", section 2): a header line, CRLF line breaks, and fields that contain a comma, a double quote, CR or
 * LF enclosed in double quotes, with a double quote inside written twice. The note (the only free text) is also
 * defused for spreadsheets: one that starts with {@code = + - @} gets a leading apostrophe, so that a spreadsheet
 * shows it as text instead of running it as a formula (OWASP, "CSV Injection").
 */
final class BureauReportCsv {

  static final String HEADER = "id,asOf,loanNumber,customerId,kind,accountStatus,paymentRating,daysPastDue,currency,"
      + "currentBalance,amountPastDue,note,createdAt,exportStatus,exportedAt,exportReference";
  private static final String CRLF = "\r\n";

  private BureauReportCsv() {}

  static String write(List<BureauReportRecord> records, ZoneId zone) {
    StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
    for (BureauReportRecord r : records) {
      csv.append(String.join(",",
          field(r.id()),
          field(r.asOf().toString()),
          field(r.loanNumber()),
          field(r.customerId()),
          field(r.kind().name()),
          field(r.accountStatus()),
          field(r.paymentRating()),
          field(Integer.toString(r.daysPastDue())),
          field(r.currency()),
          field(r.currentBalance().toPlainString()),
          field(r.amountPastDue().toPlainString()),
          field(defused(r.note())),
          field(time(r.createdAt(), zone)),
          field(r.exportStatus().name()),
          field(time(r.exportedAt(), zone)),
          field(r.exportReference())))
          .append(CRLF);
    }
    return csv.toString();
  }

  /** One field: empty for null; quoted when it holds a comma, a double quote, CR or LF. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private static String defused(String note) {
    if (note != null && !note.isEmpty() && "=+-@\t\r".indexOf(note.charAt(0)) >= 0) {
      return "'" + note;
    }
    return note;
  }

  private static String time(Instant instant, ZoneId zone) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone).toString();
  }
}
