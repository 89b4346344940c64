package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.monitoring.FundUsageClassification;
import io.creditflow.monitoring.FundUsageCommand;
import io.creditflow.monitoring.FundUsageReport;
import io.creditflow.monitoring.FundUsageService;
import io.creditflow.monitoring.MerchantCategory;
import io.creditflow.origination.LoanPurpose;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V7 on MySQL/MariaDB (profile {@code mysql}): ledger actions, drawdowns and fund-usage reports round-trip to the cent
 * and the second, and the queries behind the caps and the transfer count run there.
 */
@ExtendWith(RequiresTestDatabase.class)
class LedgerActionsMariaDbIT {

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

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private static String loan() {
    return context.getBean(DisbursementService.class).disburse(new DisbursementRequest("APP-" + UUID.randomUUID(),
        UUID.randomUUID().toString(), "CNY", new BigDecimal("10000.00"), new BigDecimal("1200.00"), 12,
        new BigDecimal("0.12"), 0, "B")).loanNumber();
  }

  @Test
  void theMigrationCreatedTheNewTablesAndTheirIndexes() {
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '7' AND success = 1", Long.class))
        .isEqualTo(1L);
    List<String> indexes = jdbc.queryForList("SELECT DISTINCT LOWER(index_name) FROM information_schema.statistics"
        + " WHERE table_schema = DATABASE() AND LOWER(table_name) LIKE 'cf\\_%'", String.class);
    assertThat(indexes).contains("uq_cf_schedule_change_version", "uq_cf_drawdown_reference", "uq_cf_drawdown_loan",
        "ix_cf_drawdown_line", "uq_cf_fund_usage_report_reference", "ix_cf_fund_usage_report_loan");
  }

  @Test
  void ledgerActionsRoundTripToTheCentAndTheSecond() {
    at("2027-01-30T20:00:30.789Z"); // 31 Jan 04:00:30 in Asia/Shanghai
    String loanNumber = loan();
    LoanQueries queries = context.getBean(LoanQueries.class);
    String lineId = queries.loan(loanNumber).orElseThrow().loan().getCreditLineId();
    LedgerActions actions = context.getBean(LedgerActions.class);

    at("2027-01-30T20:05:10.500Z");
    actions.changeLimit(lineId, new BigDecimal("1000.00"), "credit review CR-1", "manager");
    CreditLimitChange lowered = queries.creditLine(lineId).orElseThrow().limitChanges().get(1);
    assertThat(lowered.getChangedAt()).isEqualTo(Instant.parse("2027-01-30T20:05:10Z"));
    assertThat(lowered.getNote()).isEqualTo("credit review CR-1");
    assertThat(queries.creditLine(lineId).orElseThrow().creditLine().getAvailableAmount())
        .isEqualTo(new BigDecimal("0.00"));

    at("2027-03-15T02:00:00Z");
    actions.recallLoan(loanNumber, "fund usage FU-1: FU_GAMBLING", "risk");
    actions.recallLoan(loanNumber, "fund usage FU-1: FU_GAMBLING", "risk");
    Loan recalled = queries.loan(loanNumber).orElseThrow().loan();
    assertThat(recalled.getScheduleVersion()).isEqualTo(2);
    assertThat(recalled.getMaturityDate()).isEqualTo(LocalDate.of(2027, 3, 15));

    at("2027-03-16T02:00:00Z");
    assertThat(actions.quoteRestructure(loanNumber, 12)).isEqualTo(new BigDecimal("106.62"));
    assertThat(actions.restructure(loanNumber, 12, "hardship H-1", "officer")).isEqualTo(new BigDecimal("106.62"));
    assertThat(context.getBean(ScheduleChangeRepository.class).findByLoanNumberOrderByScheduleVersionAsc(loanNumber))
        .extracting(ScheduleChange::getKind)
        .containsExactly(ScheduleChangeKind.RECALL, ScheduleChangeKind.RESTRUCTURE);
    assertThat(queries.loan(loanNumber).orElseThrow().loan().getStatus()).isEqualTo(LoanStatus.RESTRUCTURED);
  }

  @Test
  void aDrawdownAndAFundUsageReportAreStoredAndCounted() {
    at("2027-01-30T20:00:30Z");
    String loanNumber = loan();
    String lineId = context.getBean(LoanQueries.class).loan(loanNumber).orElseThrow().loan().getCreditLineId();

    DrawdownService drawdowns = context.getBean(DrawdownService.class);
    DrawdownResult first = drawdowns.draw(lineId, new DrawdownCommand("DD-" + UUID.randomUUID(),
        new BigDecimal("3000.00"), 6, LoanPurpose.TRAVEL), "channel");
    assertThat(first.created()).isTrue();
    assertThat(first.availableAmount()).isEqualTo(new BigDecimal("5800.00"));
    assertThat(context.getBean(DrawdownRepository.class).totalDrawn(lineId, LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 1, 31))).isEqualByComparingTo("3000.00");

    FundUsageService reports = context.getBean(FundUsageService.class);
    FundUsageReport report = null;
    for (int k = 0; k < 5; k++) {
      report = reports.report(loanNumber, new FundUsageCommand("FU-" + UUID.randomUUID(), MerchantCategory.TRANSFER,
          "Counterparty " + k, new BigDecimal("10.00"), Instant.parse("2027-01-30T20:00:0" + k + ".700Z")),
          "channel").report();
    }
    assertThat(report.getClassification()).isEqualTo(FundUsageClassification.SUSPICIOUS);
    assertThat(report.getOccurredAt()).isEqualTo(Instant.parse("2027-01-30T20:00:04Z"));
    assertThat(context.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(report.getReportReference()).count()).isEqualTo(1);
  }
}
