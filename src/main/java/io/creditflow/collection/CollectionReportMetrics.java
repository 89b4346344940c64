package io.creditflow.collection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The collection report of the last 30 business dates as Micrometer gauges, recomputed every
 * {@code creditflow.collection.report-metrics-interval} (PT5M) with the report's aggregate queries, so a scrape never
 * queries the database: {@code creditflow.collection.cure.rate}, {@code .cost.per.cured}, {@code .promise.kept.rate},
 * {@code .contacts.deferred} and {@code .roll.rate} (tags {@code from}, {@code to}). NaN until the first computation
 * or when a rate has nothing to divide by.
 */
@Component
class CollectionReportMetrics {

  private static final Logger log = LoggerFactory.getLogger(CollectionReportMetrics.class);
  static final int DAYS = 30;

  private final CollectionReportService reports;
  private final Clock clock;
  private final AtomicReference<CollectionReport> last = new AtomicReference<>();

  CollectionReportMetrics(CollectionReportService reports, Clock clock, MeterRegistry registry) {
    this.reports = reports;
    this.clock = clock;
    gauge(registry, "creditflow.collection.cure.rate", r -> r.cases().cureRate());
    gauge(registry, "creditflow.collection.cost.per.cured", r -> r.cost().perCuredLoan());
    gauge(registry, "creditflow.collection.promise.kept.rate", r -> r.promises().keptRate());
    gauge(registry, "creditflow.collection.contacts.deferred", r -> BigDecimal.valueOf(r.contacts().deferred()));
    String[][] rolls = {{"1-30", "31-60"}, {"31-60", "61-90"}, {"61-90", "90+"}};
    for (String[] roll : rolls) {
      Gauge.builder("creditflow.collection.roll.rate", last, ref -> value(ref.get(), r -> r.rollRates().stream()
              .filter(rate -> rate.from().equals(roll[0])).findFirst().map(CollectionReport.RollRate::rate)
              .orElse(null)))
          .tags("from", roll[0], "to", roll[1]).description("share of cases rolling to the next DPD bucket, last "
              + DAYS + " days").register(registry);
    }
  }

  private void gauge(MeterRegistry registry, String name, Function<CollectionReport, BigDecimal> figure) {
    Gauge.builder(name, last, ref -> value(ref.get(), figure)).description("last " + DAYS + " days")
        .register(registry);
  }

  private static double value(CollectionReport report, Function<CollectionReport, BigDecimal> figure) {
    BigDecimal value = report == null ? null : figure.apply(report);
    return value == null ? Double.NaN : value.doubleValue();
  }

  @Scheduled(initialDelayString = "${creditflow.collection.report-metrics-initial-delay:PT1M}",
      fixedDelayString = "${creditflow.collection.report-metrics-interval:PT5M}")
  void refresh() {
    try {
      LocalDate today = LocalDate.now(clock);
      last.set(reports.report(today.minusDays(DAYS - 1L), today));
    } catch (RuntimeException e) {
      log.warn("Collection report metrics not refreshed: {}", e.toString());
    }
  }
}
