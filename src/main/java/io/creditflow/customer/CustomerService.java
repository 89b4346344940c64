package io.creditflow.customer;

import io.creditflow.common.crypto.Masking;
import io.creditflow.common.crypto.PersonalDataProtection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds customers by national id (through the keyed hash) and keeps their contact details current. */
@Service
public class CustomerService {

  /** What an application tells us about the person. */
  public record PersonalDetails(String nationalId, String fullName, LocalDate dateOfBirth, String mobile,
      String email, String preferredLanguage) {}

  private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

  private final CustomerRepository customers;
  private final PersonalDataProtection protection;
  private final Clock clock;

  public CustomerService(CustomerRepository customers, PersonalDataProtection protection, Clock clock) {
    this.customers = customers;
    this.protection = protection;
    this.clock = clock;
  }

  /** The customer with this national id, created on first contact; name and contact details updated. */
  @Transactional
  public Customer register(PersonalDetails details) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String hash = protection.lookupHash(details.nationalId());
    Optional<Customer> existing = customers.findByNationalIdHash(hash);
    if (existing.isPresent()) {
      Customer customer = existing.get();
      customer.updateContact(details.fullName(), details.mobile(), details.email(), now);
      return customer;
    }
    Customer customer = customers.save(new Customer(hash, details.nationalId().trim(), details.fullName(),
        details.dateOfBirth(), details.mobile(), details.email(), details.preferredLanguage(), now));
    log.info("Registered customer {} (national id {})", customer.getId(), Masking.nationalId(details.nationalId()));
    return customer;
  }

  /**
   * Sets the customer's own time zone, in which the lawful-contact policy reads quiet hours and local days
   * ({@code ZoneId} region id, e.g. {@code Europe/London}; null clears it: the configured default applies).
   *
   * @throws java.util.NoSuchElementException no such customer
   * @throws java.time.DateTimeException {@code zone} is not a region id the JVM knows
   */
  @Transactional
  public Customer changeTimeZone(String customerId, String zone) {
    Customer customer = customers.findById(customerId).orElseThrow();
    String id = zone == null ? null : java.time.ZoneId.of(zone).getId();
    if (id != null && !java.time.ZoneId.getAvailableZoneIds().contains(id)) {
      throw new java.time.DateTimeException("not a region time zone: " + zone);
    }
    customer.changeTimeZone(id, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    log.info("Customer {}: time zone {}", customerId, id == null ? "cleared" : id);
    return customer;
  }

  @Transactional(readOnly = true)
  public Optional<Customer> byNationalId(String nationalId) {
    return customers.findByNationalIdHash(protection.lookupHash(nationalId));
  }

  @Transactional(readOnly = true)
  public Customer get(String customerId) {
    return customers.findById(customerId)
        .orElseThrow(() -> new IllegalStateException("No customer " + customerId));
  }
}
