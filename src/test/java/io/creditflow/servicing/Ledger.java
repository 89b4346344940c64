package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Test helpers: loans booked through {@link DisbursementService} and the engine clock on business dates. */
final class Ledger {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Ledger() {}

  /** Moves the engine clock to 10:00 of {@code date} in the business zone. */
  static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  /** Books a loan today (engine clock): {@code amount} on a line of 10,000.00, no interest-free months. */
  static String loan(DisbursementService disbursements, String amount, String rate, int term) {
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(),
        "CNY", new BigDecimal("10000.00"), new BigDecimal(amount), term, new BigDecimal(rate), 0, "B")).loanNumber();
  }

  static BigDecimal money(String value) {
    return new BigDecimal(value);
  }
}
