package io.creditflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** {@code creditflow.demo.seed-loans} on an empty database: a book, referred applications, yesterday's close. */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true",
    "creditflow.demo.seed-loans=60"})
@ActiveProfiles("test")
class DemoPortfolioTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DemoPortfolio demo;

  @Test
  void anEmptyDatabaseGetsALivingBookOnceAndOnlyOnce() {
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    assertThat(count("SELECT COUNT(*) FROM cf_loan")).isEqualTo(60);
    assertThat(count("SELECT COUNT(*) FROM cf_loan_application WHERE external_reference LIKE 'DEMO-REFERRED-%'"))
        .isEqualTo(DemoPortfolio.REFERRED_APPLICATIONS);
    assertThat(count("SELECT COUNT(*) FROM cf_cob_run WHERE business_date = ?", yesterday)).isEqualTo(1);

    demo.seedIfAsked(); // the database is no longer empty: nothing more

    assertThat(count("SELECT COUNT(*) FROM cf_loan")).isEqualTo(60);
    assertThat(count("SELECT COUNT(*) FROM cf_cob_run")).isEqualTo(1);
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
