package io.creditflow.bureau;

import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Test helpers: loans booked through the ledger, the engine clock on business dates. */
final class BureauTestLoans {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BureauTestLoans() {}

  /** Moves the engine clock to 10:00 of {@code date} in the business zone. */
  static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  /** Books 1,200.00 at 12 % over 12 months today (engine clock) for a new customer id. */
  static String loan(DisbursementService disbursements) {
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), UUID.randomUUID().toString(),
        "CNY", new BigDecimal("10000.00"), new BigDecimal("1200.00"), 12, new BigDecimal("0.12"), 0, "B"))
        .loanNumber();
  }
}
