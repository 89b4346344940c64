package io.creditflow.hardship;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Test helpers: loans booked through the ledger and the engine clock on business dates. */
final class Loans {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Loans() {}

  static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(todayInstant(date)));
  }

  /** 10:00 of {@code date} in the business zone. */
  static java.time.Instant todayInstant(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  }

  /** Books a loan of 12,000.00 at 12 % over 12 months today (engine clock); its instalment is 1,066.19. */
  static String loan(DisbursementService disbursements, CustomerService customers) {
    String nationalId = "HS-" + UUID.randomUUID().toString().substring(0, 8);
    String customerId = customers.register(new CustomerService.PersonalDetails(nationalId, "Test Customer",
        LocalDate.of(1990, 1, 1), "+8613800138000", "test@example.com", "en")).getId();
    return disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId,
        "CNY", new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12, new BigDecimal("0.12"), 0, "B"))
        .loanNumber();
  }
}
