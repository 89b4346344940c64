package io.creditflow.contact;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementRequest;
import io.creditflow.servicing.DisbursementService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers: a loan of a fresh customer, local times in a zone, the engine clock. */
final class ContactFixture {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String MOBILE = "+8613912345678";
  static final String EMAIL = "li.wei@example.com";

  record Booked(String loanNumber, String customerId) {}

  private ContactFixture() {}

  /** {@code dateTime} (ISO local date-time) in {@code zone}. */
  static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  static Instant shanghai(String dateTime) {
    return local(dateTime, SHANGHAI);
  }

  static void clock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** Books a loan of 12,000.00 over 12 months for a new customer, on 2027-03-01 (engine clock moved there). */
  static Booked loan(DisbursementService disbursements, CustomerService customers) {
    clock(shanghai("2027-03-01T10:00:00"));
    String customerId = customers.register(new CustomerService.PersonalDetails(
        "CT-" + UUID.randomUUID().toString().substring(0, 8), "Li Wei", LocalDate.of(1990, 1, 1), MOBILE, EMAIL,
        "en")).getId();
    String loanNumber = disbursements.disburse(new DisbursementRequest("APP-" + UUID.randomUUID(), customerId, "CNY",
        new BigDecimal("20000.00"), new BigDecimal("12000.00"), 12, new BigDecimal("0.12"), 0, "B")).loanNumber();
    return new Booked(loanNumber, customerId);
  }

  static void timeZone(JdbcTemplate jdbc, String customerId, ZoneId zone) {
    jdbc.update("UPDATE cf_customer SET time_zone = ? WHERE id = ?", zone.getId(), customerId);
  }
}
