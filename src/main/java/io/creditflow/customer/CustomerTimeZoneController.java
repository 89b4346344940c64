package io.creditflow.customer;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/customers/{customerId}/time-zone}: the customer's own time zone, which the lawful-contact policy uses
 * for quiet hours and daily caps. Setting the same zone again changes nothing (idempotent).
 */
@RestController
@Tag(name = "Customers")
class CustomerTimeZoneController {

  record TimeZoneBody(@Size(max = 64) String timeZone) {}

  record TimeZoneView(String customerId, String timeZone) {}

  private final CustomerService customers;

  CustomerTimeZoneController(CustomerService customers) {
    this.customers = customers;
  }

  @PutMapping("/api/customers/{customerId}/time-zone")
  @PreAuthorize("hasAnyAuthority('api-clients', 'camunda-admin')")
  @Operation(summary = "Set the customer's time zone (IANA region id such as Europe/London; null clears it): quiet"
      + " hours and daily contact caps are read in it")
  TimeZoneView change(@PathVariable String customerId, @Valid @RequestBody TimeZoneBody body) {
    try {
      Customer customer = customers.changeTimeZone(customerId, body.timeZone());
      return new TimeZoneView(customer.getId(), customer.getTimeZone());
    } catch (NoSuchElementException e) {
      throw new NotFoundException("No customer " + customerId + ".");
    } catch (DateTimeException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("timeZone",
          "must be a region time zone such as Asia/Shanghai or Europe/London")));
    }
  }
}
