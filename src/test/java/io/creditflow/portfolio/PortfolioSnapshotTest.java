package io.creditflow.portfolio;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshot figures on a seeded book, against values computed by hand:
 * <pre>
 * L1 A MOBILE_APP SPRING  10,000.00  dpd   0    L4 C BRANCH            2,000.00  dpd  45
 * L2 A WEB                 5,000.00  dpd   0    L5 C (no application)  1,000.00  dpd 120
 * L3 B MOBILE_APP SPRING   3,000.00  dpd  15    L6 B PARTNER drawdown  4,000.00  dpd   0
 *    (2,900.00 principal + 80.00 interest + 20.00 penalty)            L7 settled: not in the book
 * </pre>
 */
@PortfolioTest
class PortfolioSnapshotTest {

  static final LocalDate DAY1 = LocalDate.of(2027, 3, 1);

  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;
  @Autowired PortfolioSnapshotService snapshots;

  PortfolioFixture fixture;
  String l1;
  String l2;
  String l3;
  String l4;
  String l5;
  String l6;

  @BeforeEach
  void aBook() {
    fixture = new PortfolioFixture(engine, disbursements, jdbc);
    today(DAY1.minusMonths(2));
    fixture.cleanSlate();
    l1 = fixture.loan("A", "MOBILE_APP", "SPRING", "10000.00");
    l2 = fixture.loan("A", "WEB", null, "5000.00");
    l3 = fixture.loan("B", "MOBILE_APP", "SPRING", "2900.00");
    fixture.state(l3, "2900.00", "80.00", "20.00", 15);
    l4 = fixture.loan("C", "BRANCH", null, "2000.00");
    fixture.dpd(l4, 45);
    l5 = fixture.loan("C", null, null, "1000.00");
    fixture.dpd(l5, 120);
    l6 = fixture.loan("B", "PARTNER", null, "4000.00");
    fixture.drawdown(l6);
    String l7 = fixture.loan("A", "WEB", null, "7000.00");
    fixture.state(l7, "0.00", "0.00", "0.00", 0);
    fixture.status(l7, "SETTLED");
    today(DAY1);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static Segment segment(PortfolioSnapshotService.SnapshotDetails details, String dimension, String key) {
    return details.segments().stream().filter(s -> s.dimension().equals(dimension) && s.key().equals(key))
        .findFirst().orElseThrow(() -> new AssertionError("no segment " + dimension + "/" + key));
  }

  private static List<BigDecimal> money(String... amounts) {
    return Arrays.stream(amounts).map(BigDecimal::new).toList();
  }

  @Test
  void bucketsAndOverdueRatiosOfTheBookAndItsSegments() {
    Snapshot snapshot = snapshots.compute(DAY1, "risk", null).orElseThrow();
    PortfolioSnapshotService.SnapshotDetails details = snapshots.get(snapshot.id());

    Segment total = details.total();
    assertThat(total.loanCount()).isEqualTo(6);
    assertThat(total.balance()).isEqualByComparingTo("25000.00");
    assertThat(total.counts()).containsExactly(3, 1, 1, 0, 1);
    assertThat(total.balances()).usingElementComparator(BigDecimal::compareTo)
        .containsExactlyElementsOf(money("19000.00", "3000.00", "2000.00", "0.00", "1000.00"));
    assertThat(total.overdueRatioBalance()).isEqualByComparingTo("0.240000"); // 6,000 / 25,000
    assertThat(total.overdueRatioCount()).isEqualByComparingTo("0.500000");   // 3 / 6
    assertThat(total.rollRates()).containsOnlyNulls();                        // no previous snapshot
    assertThat(snapshot.previousSnapshotId()).isNull();

    Segment gradeB = segment(details, "GRADE", "B");
    assertThat(gradeB.loanCount()).isEqualTo(2);
    assertThat(gradeB.balance()).isEqualByComparingTo("7000.00");
    assertThat(gradeB.overdueRatioBalance()).isEqualByComparingTo("0.428571"); // 3,000 / 7,000
    assertThat(segment(details, "GRADE", "C").overdueRatioCount()).isEqualByComparingTo("1.000000");
    assertThat(segment(details, "GRADE", "A").overdueRatioBalance()).isEqualByComparingTo("0.000000");

    Segment mobile = segment(details, "CHANNEL", "MOBILE_APP");
    assertThat(mobile.loanCount()).isEqualTo(2);
    assertThat(mobile.overdueRatioBalance()).isEqualByComparingTo("0.230769"); // 3,000 / 13,000
    assertThat(segment(details, "CHANNEL", "UNKNOWN").counts()).containsExactly(0, 0, 0, 0, 1);
    assertThat(segment(details, "CHANNEL", "PARTNER").balance()).isEqualByComparingTo("4000.00");

    Segment spring = segment(details, "CAMPAIGN", "SPRING");
    assertThat(spring.loanCount()).isEqualTo(2);
    assertThat(spring.balance()).isEqualByComparingTo("13000.00");
    assertThat(segment(details, "CAMPAIGN", "NONE").loanCount()).isEqualTo(4);

    assertThat(segment(details, "PRODUCT", "FIRST_LOAN").balance()).isEqualByComparingTo("21000.00");
    assertThat(segment(details, "PRODUCT", "DRAWDOWN").loanCount()).isEqualTo(1);
    assertThat(details.segments()).extracting(Segment::dimension).startsWith("TOTAL")
        .containsOnly("TOTAL", "PRODUCT", "CHANNEL", "GRADE", "CAMPAIGN");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_portfolio_loan_bucket", Integer.class)).isEqualTo(6);
  }

  @Test
  void rollRatesCompareEachLoanWithItsBucketAtThePreviousSnapshot() {
    Snapshot first = snapshots.compute(DAY1, "risk", null).orElseThrow();
    // the next day: L1 falls behind, L3 rolls to 31-60, L4 stays, L5 is written off, L2 is repaid, L6 stays current
    fixture.dpd(l1, 1);
    fixture.dpd(l3, 31);
    fixture.dpd(l4, 46);
    fixture.status(l5, "WRITTEN_OFF");
    fixture.state(l2, "0.00", "0.00", "0.00", 0);
    fixture.status(l2, "SETTLED");
    today(DAY1.plusDays(1));

    Snapshot second = snapshots.compute(DAY1.plusDays(1), "risk", null).orElseThrow();
    Segment total = snapshots.get(second.id()).total();

    assertThat(second.previousSnapshotId()).isEqualTo(first.id());
    assertThat(second.previousSnapshotDate()).isEqualTo(DAY1);
    assertThat(total.loanCount()).isEqualTo(4);
    assertThat(total.balance()).isEqualByComparingTo("19000.00");
    assertThat(total.overdueRatioBalance()).isEqualByComparingTo("0.789474"); // 15,000 / 19,000
    // current yesterday: L1 10,000 + L2 5,000 (repaid, not rolled) + L6 4,000; L1 rolled
    assertThat(total.rollRates().get(0)).isEqualByComparingTo("0.526316");    // 10,000 / 19,000
    assertThat(total.rollRates().get(1)).isEqualByComparingTo("1.000000");    // L3 3,000 / 3,000
    assertThat(total.rollRates().get(2)).isEqualByComparingTo("0.000000");    // L4 stayed in 31-60
    assertThat(total.rollRates().get(3)).isNull();                            // nothing was 61-90
    Segment spring = segment(snapshots.get(second.id()), "CAMPAIGN", "SPRING");
    assertThat(spring.rollRates().get(0)).isEqualByComparingTo("1.000000");   // L1 only
  }

  @Test
  void aDateHasOneSnapshot() {
    assertThat(snapshots.compute(DAY1, "risk", null)).isPresent();
    assertThat(snapshots.compute(DAY1, "someone else", null)).isEmpty();
    assertThat(snapshots.count()).isEqualTo(1);
  }
}
