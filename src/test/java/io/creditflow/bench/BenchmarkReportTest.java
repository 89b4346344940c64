package io.creditflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  @Test
  void markdownListsEveryMeasurementWithItsMetricsAndTargets() {
    var m = new BenchmarkReport.Measurement("due-date-wave", "h2", Map.of("loans", 10000),
        List.of(new BenchmarkReport.Metric("throughput", 1234.5678, "loans/s")),
        List.of(new BenchmarkReport.Target("at least 10x the per-loan-timer floor", 7.25, false)),
        List.of("profiled with JFR"), Instant.parse("2026-11-22T10:00:00Z"));

    String md = BenchmarkReport.markdown(List.of(m));

    assertThat(md).contains("| due-date-wave | h2 | {loans=10000} | throughput: 1,234.6 loans/s | "
        + "**missed**: at least 10x the per-loan-timer floor (7.250) |");
    assertThat(md).contains("- due-date-wave [h2]: profiled with JFR");
  }

  @Test
  void wholeNumbersPrintWithoutDecimalsAndSmallOnesWithThree() {
    assertThat(BenchmarkReport.format(1_000_000)).isEqualTo("1,000,000");
    assertThat(BenchmarkReport.format(0.42)).isEqualTo("0.420");
  }
}
