package io.creditflow.demo;

import io.creditflow.cob.CobRunService;
import io.creditflow.origination.ApplicationService;
import io.creditflow.origination.ApplicationService.Applicant;
import io.creditflow.origination.ApplicationService.NewApplication;
import io.creditflow.origination.Channel;
import io.creditflow.origination.LoanPurpose;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A living demo on an empty database: with {@code creditflow.demo.seed-loans=N} (default 0: nothing), once the
 * application is ready, {@link PortfolioSeeder} seeds N loans in mixed states ({@link SeedPlan#demo}: current, paid
 * off, and 5 % whose instalment due yesterday is unpaid), a few applications are submitted that the sandbox bureau's
 * near-prime personas get referred to credit officers (Tasklist), and the close of business for yesterday starts,
 * which puts the unpaid loans into collection (Cockpit). Meant for the embedded default and demos; the property is
 * ignored when the ledger already has a customer or a loan, so restarting never seeds twice.
 */
@Component
class DemoPortfolio {

  static final int REFERRED_APPLICATIONS = 3;
  private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

  private final int seedLoans;
  private final PortfolioSeeder seeder;
  private final ApplicationService applications;
  private final CobRunService cobRuns;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DemoPortfolio(@Value("${creditflow.demo.seed-loans:0}") int seedLoans, PortfolioSeeder seeder,
      ApplicationService applications, CobRunService cobRuns, JdbcTemplate jdbc, Clock clock) {
    this.seedLoans = seedLoans;
    this.seeder = seeder;
    this.applications = applications;
    this.cobRuns = cobRuns;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedIfAsked() {
    if (seedLoans <= 0) {
      return;
    }
    Long existing = jdbc.queryForObject(
        "SELECT (SELECT COUNT(*) FROM cf_loan) + (SELECT COUNT(*) FROM cf_customer)", Long.class);
    if (existing != null && existing > 0) {
      log.info("creditflow.demo.seed-loans={} ignored: the database is not empty", seedLoans);
      return;
    }
    LocalDate today = LocalDate.now(clock);
    PortfolioSeeder.Result result = seeder.seed(SeedPlan.demo(seedLoans, today));
    for (int i = 1; i <= REFERRED_APPLICATIONS; i++) {
      applications.submit(new NewApplication("DEMO-REFERRED-" + i, Channel.MOBILE_APP, null,
          new Applicant("SANDBOX-NEAR-PRIME-DEMO" + i, "Demo Applicant " + i, LocalDate.of(1988, i, 15),
              "+861390000000" + i, "demo.applicant" + i + "@example.com", new BigDecimal("12000.00"), 30,
              new BigDecimal("1500.00"), 1, "en"),
          new BigDecimal("20000.00"), 12, LoanPurpose.HOUSEHOLD_GOODS), "demo");
    }
    cobRuns.start(today.minusDays(1), "demo");
    log.info("Demo book: {} loans seeded ({} unpaid since yesterday, {} paid off), {} applications for credit "
        + "officers, close of business for {} started", result.loans(), result.unpaid(), result.settled(),
        REFERRED_APPLICATIONS, today.minusDays(1));
  }
}
