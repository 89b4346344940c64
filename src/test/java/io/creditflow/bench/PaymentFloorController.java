package io.creditflow.bench;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only: the floor of the payment scenario. {@code POST /api/bench/floor-payments} behind the same HTTP Basic
 * authentication and role check as {@code POST /api/loans/{loanNumber}/payments}, performing one insert into
 * {@value #TABLE} (created by {@link PaymentBenchmark}, not by Flyway). Present only in a context started with
 * {@code creditflow.bench.floors=true}, never in the product.
 */
@RestController
@ConditionalOnProperty(name = "creditflow.bench.floors", havingValue = "true")
class PaymentFloorController {

  static final String TABLE = "bench_floor_payment";
  static final String PATH = "/api/bench/floor-payments";
  /** Portable DDL (H2 and MariaDB). */
  static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(36) NOT NULL, "
      + "payment_reference VARCHAR(64) NOT NULL, loan_number VARCHAR(14) NOT NULL, amount DECIMAL(19,2) NOT NULL, "
      + "received_at DATETIME(6) NOT NULL, received_by VARCHAR(64) NOT NULL, CONSTRAINT pk_bench_floor_payment "
      + "PRIMARY KEY (id), CONSTRAINT uq_bench_floor_payment_ref UNIQUE (payment_reference))";

  record FloorPayment(@NotBlank String paymentReference, @NotBlank String loanNumber,
      @NotNull @Positive BigDecimal amount) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PaymentFloorController(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping(PATH)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('api-clients', 'camunda-admin')")
  Map<String, String> post(@Valid @RequestBody FloorPayment payment, java.security.Principal principal) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO " + TABLE + " (id, payment_reference, loan_number, amount, received_at, received_by)"
        + " VALUES (?, ?, ?, ?, ?, ?)", id, payment.paymentReference(), payment.loanNumber(), payment.amount(),
        Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS)), principal.getName());
    return Map.of("id", id, "paymentReference", payment.paymentReference());
  }
}
