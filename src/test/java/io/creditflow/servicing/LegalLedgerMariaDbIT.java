package io.creditflow.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V20 on MySQL/MariaDB: the legal ledger (IN_LEGAL, forgiveness, write-off) and recoveries after write-off round-trip
 * to the cent, and the payment allocation check admits a recovery.
 */
@ExtendWith(RequiresTestDatabase.class)
class LegalLedgerMariaDbIT {

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

  private static String loan() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-31T02:00:00Z")));
    return context.getBean(DisbursementService.class).disburse(new DisbursementRequest("APP-" + UUID.randomUUID(),
        UUID.randomUUID().toString(), "CNY", new BigDecimal("10000.00"), new BigDecimal("1200.00"), 12,
        new BigDecimal("0.12"), 0, "B")).loanNumber();
  }

  private static Loan reload(String loanNumber) {
    return context.getBean(LoanQueries.class).loan(loanNumber).orElseThrow().loan();
  }

  @Test
  void writeOffThenRecoveriesReduceTheChargedOffBalance() {
    String loanNumber = loan();
    LegalLedger ledger = context.getBean(LegalLedger.class);
    ledger.moveToLegal(loanNumber, "legal case", "system:legal");
    assertThat(reload(loanNumber).getStatus()).isEqualTo(LoanStatus.IN_LEGAL);

    BigDecimal written = ledger.writeOff(loanNumber, "unrecoverable", "risk");
    assertThat(written).isEqualByComparingTo("1200.00");
    assertThat(ledger.writeOff(loanNumber, "again", "risk")).isEqualByComparingTo("1200.00");
    Loan loan = reload(loanNumber);
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.WRITTEN_OFF);
    assertThat(loan.getChargedOffBalance()).isEqualByComparingTo("1200.00");
    assertThat(loan.getBalance()).isEqualByComparingTo("0.00");

    PaymentService payments = context.getBean(PaymentService.class);
    PaymentResult recovery = payments.post(loanNumber, new PaymentCommand("REC-" + UUID.randomUUID(),
        new BigDecimal("123.45"), LocalDate.of(2027, 1, 31), PaymentChannel.BANK_TRANSFER));
    assertThat(recovery.created()).isTrue();
    assertThat(reload(loanNumber).getChargedOffBalance()).isEqualByComparingTo("1076.55");
    assertThat(reload(loanNumber).getStatus()).isEqualTo(LoanStatus.WRITTEN_OFF);
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    assertThat(jdbc.queryForObject("SELECT recovered FROM cf_payment WHERE payment_reference = ?", BigDecimal.class,
        recovery.payment().paymentReference())).isEqualByComparingTo("123.45");
    assertThatThrownBy(() -> payments.post(loanNumber, new PaymentCommand("REC-" + UUID.randomUUID(),
        new BigDecimal("1076.56"), LocalDate.of(2027, 1, 31), PaymentChannel.BANK_TRANSFER)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void forgivenessSettlesTheLoanAndReturningFromLegalRestoresTheStatus() {
    LegalLedger ledger = context.getBean(LegalLedger.class);
    String returned = loan();
    ledger.moveToLegal(returned, "legal case", "system:legal");
    ledger.returnFromLegal(returned, "back to collection", "system:legal");
    assertThat(reload(returned).getStatus()).isEqualTo(LoanStatus.ACTIVE);

    String settled = loan();
    ledger.moveToLegal(settled, "legal case", "system:legal");
    assertThat(ledger.forgive(settled, "settlement paid", "system:legal")).isEqualByComparingTo("1200.00");
    assertThat(ledger.forgive(settled, "again", "system:legal")).isEqualByComparingTo("0");
    Loan loan = reload(settled);
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.SETTLED);
    assertThat(loan.getForgivenAmount()).isEqualByComparingTo("1200.00");
  }
}
