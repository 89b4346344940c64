package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BureauReportTest {

  private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  @Test
  void roundTripsThroughJsonAsTheApplicationSnapshotStoresIt() throws Exception {
    BureauReport report = new BureauReport("SBX-PRIME-0001", 820, false, 148, 5, 0, 0, false, false,
        new BigDecimal("1200.50"), Instant.parse("2027-03-01T10:15:30Z"));

    String json = mapper.writeValueAsString(report);

    assertThat(json).contains("\"bureauReference\":\"SBX-PRIME-0001\"", "\"thinFile\":false",
        "\"retrievedAt\":\"2027-03-01T10:15:30Z\"", "\"reportedMonthlyDebt\":1200.50");
    assertThat(mapper.readValue(json, BureauReport.class)).isEqualTo(report);

    BureauReport thin = BureauReport.thinFile("SBX-THIN-1", Instant.parse("2027-03-01T10:15:30Z"));
    assertThat(mapper.readValue(mapper.writeValueAsString(thin), BureauReport.class)).isEqualTo(thin);
  }

  @Test
  void rejectsImpossibleReports() {
    Instant at = Instant.parse("2027-03-01T10:15:30Z");
    assertThatThrownBy(() -> new BureauReport("R", 299, false, 1, 1, 0, 0, false, false, BigDecimal.ONE, at))
        .hasMessageContaining("300-900");
    assertThatThrownBy(() -> new BureauReport("R", 901, false, 1, 1, 0, 0, false, false, BigDecimal.ONE, at))
        .hasMessageContaining("300-900");
    assertThatThrownBy(() -> new BureauReport("R", 700, true, 0, 0, 0, 0, false, false, BigDecimal.ZERO, at))
        .hasMessageContaining("thin file");
    assertThatThrownBy(() -> new BureauReport("R", 700, false, -1, 1, 0, 0, false, false, BigDecimal.ONE, at))
        .hasMessageContaining("monthsOnFile");
    assertThatThrownBy(() -> new BureauReport("R", 700, false, 1, 1, 0, 0, false, false, new BigDecimal("-1"), at))
        .hasMessageContaining("reportedMonthlyDebt");
    assertThatThrownBy(() -> new BureauReport(" ", 700, false, 1, 1, 0, 0, false, false, BigDecimal.ONE, at))
        .hasMessageContaining("bureauReference");
    assertThatThrownBy(() -> new BureauReport("R", 700, false, 1, 1, 0, 0, false, false, BigDecimal.ONE, null))
        .hasMessageContaining("retrievedAt");
  }
}
