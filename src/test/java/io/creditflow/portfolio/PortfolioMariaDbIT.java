package io.creditflow.portfolio;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.inspection.Inspection;
import io.creditflow.inspection.InspectionService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate queries on MySQL/MariaDB (profile {@code mysql}): V15 applied, a snapshot's buckets, ratios and roll
 * rates, and an inspection sample drawn twice from the same seed. The book is shared with the other suites, so the
 * figures are checked on a campaign segment that only this test's loans belong to.
 */
@ExtendWith(RequiresTestDatabase.class)
class PortfolioMariaDbIT {

  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    context = MariaDbApplication.start();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void snapshotsAndSamplesAreComputedInTheDatabase() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    PortfolioFixture fixture = new PortfolioFixture(context.getBean(ProcessEngine.class),
        context.getBean(DisbursementService.class), jdbc);
    PortfolioSnapshotService snapshots = context.getBean(PortfolioSnapshotService.class);
    for (String table : List.of("cf_portfolio_breach", "cf_portfolio_segment", "cf_portfolio_snapshot",
        "cf_portfolio_loan_bucket")) {
      jdbc.update("DELETE FROM " + table);
    }
    String campaign = "IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate day = LocalDate.of(2031, 1, 10);
    today(day.minusMonths(1));
    String current = fixture.loan("A", "WEB", campaign, "6000.00");
    String late = fixture.loan("B", "MOBILE_APP", campaign, "2900.00");
    fixture.state(late, "2900.00", "80.00", "20.00", 10);
    String repaid = fixture.loan("C", "BRANCH", campaign, "1000.00");
    today(day);

    Snapshot first = snapshots.compute(day, "it", null).orElseThrow();
    Segment segment = campaign(snapshots.get(first.id()), campaign);
    assertThat(segment.loanCount()).isEqualTo(3);
    assertThat(segment.balance()).isEqualByComparingTo("10000.00");
    assertThat(segment.counts()).containsExactly(2, 1, 0, 0, 0);
    assertThat(segment.overdueRatioBalance()).isEqualByComparingTo("0.300000");
    assertThat(segment.overdueRatioCount()).isEqualByComparingTo("0.333333");

    fixture.dpd(current, 3);
    fixture.dpd(late, 40);
    fixture.state(repaid, "0.00", "0.00", "0.00", 0);
    fixture.status(repaid, "SETTLED");
    today(day.plusDays(1));
    Snapshot second = snapshots.compute(day.plusDays(1), "it", null).orElseThrow();
    segment = campaign(snapshots.get(second.id()), campaign);
    assertThat(second.previousSnapshotId()).isEqualTo(first.id());
    assertThat(segment.loanCount()).isEqualTo(2);
    assertThat(segment.rollRates().get(0)).isEqualByComparingTo("0.857143"); // 6,000 of 7,000 current rolled
    assertThat(segment.rollRates().get(1)).isEqualByComparingTo("1.000000");
    assertThat(snapshots.page(0, 1)).extracting(Snapshot::id).containsExactly(second.id());

    InspectionService inspections = context.getBean(InspectionService.class);
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    Inspection a = inspections.start(3, 2031L, "it");
    Inspection b = inspections.start(3, 2031L, "it");
    fixture.runJobs(a.processInstanceId());
    fixture.runJobs(b.processInstanceId());
    int population = inspections.get(a.id()).population();
    assertThat(population).isGreaterThanOrEqualTo(2);
    assertThat(inspections.sample(a.id())).hasSize(Math.min(3, population)).isEqualTo(inspections.sample(b.id()));
    engine.getRuntimeService().deleteProcessInstance(a.processInstanceId(), "it clean-up");
    engine.getRuntimeService().deleteProcessInstance(b.processInstanceId(), "it clean-up");
  }

  private static Segment campaign(PortfolioSnapshotService.SnapshotDetails details, String campaign) {
    return details.segments().stream().filter(s -> s.dimension().equals("CAMPAIGN") && s.key().equals(campaign))
        .findFirst().orElseThrow();
  }
}
