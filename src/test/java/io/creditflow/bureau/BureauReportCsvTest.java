package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.bureau.BureauReportRecord.ExportStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 output: header, CRLF, quoting of comma, quote and line breaks, empty fields for nulls. */
class BureauReportCsvTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(BureauReportCsv.field("plain")).isEqualTo("plain");
    assertThat(BureauReportCsv.field(null)).isEmpty();
    assertThat(BureauReportCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(BureauReportCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(BureauReportCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(BureauReportCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
  }

  @Test
  void aFileHasTheHeaderAndOneCrlfTerminatedLinePerRecord() {
    BureauReportRecord pending = record("r1", "late, \"again\"", null);
    BureauReportRecord exported = record("r2", "=HYPERLINK(1)", Instant.parse("2027-03-02T01:00:00Z"));

    String csv = BureauReportCsv.write(List.of(pending, exported), ZONE);

    assertThat(csv.split("\r\n", -1)).containsExactly(
        BureauReportCsv.HEADER,
        "r1,2027-03-01,LN1,C1,DPD_30,71,1,31,CNY,1200.00,110.50,\"late, \"\"again\"\"\",2027-03-01T10:00+08:00,"
            + "PENDING,,",
        "r2,2027-03-01,LN1,C1,DPD_30,71,1,31,CNY,1200.00,110.50,'=HYPERLINK(1),2027-03-01T10:00+08:00,EXPORTED,"
            + "2027-03-02T09:00+08:00,EXP-1",
        "");
    assertThat(BureauReportCsv.write(List.of(), ZONE)).isEqualTo(BureauReportCsv.HEADER + "\r\n");
  }

  private static BureauReportRecord record(String id, String note, Instant exportedAt) {
    return new BureauReportRecord(id, "LN1", "C1", BureauReportKind.DPD_30, "71", "1", LocalDate.of(2027, 3, 1), 31,
        "CNY", new BigDecimal("1200.00"), new BigDecimal("110.50"), note, Instant.parse("2027-03-01T02:00:00Z"),
        exportedAt == null ? ExportStatus.PENDING : ExportStatus.EXPORTED, exportedAt,
        exportedAt == null ? null : "EXP-1");
  }
}
