package io.creditflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The promises the resilience suites check, read straight from the database and from the gateways' own counts: never
 * through the application, whose answers are what is under test.
 */
final class Invariants {

  private final ResilienceDatabase db;
  private final Gateways gateways;
  private final Supplier<Instant> engineNow;

  Invariants(ResilienceDatabase db, Gateways gateways, Supplier<Instant> engineNow) {
    this.db = db;
    this.gateways = gateways;
    this.engineNow = engineNow;
  }

  // ---- waiting for the nodes to finish ------------------------------------------------------------------------

  /**
   * Waits until the job executor has nothing left to do now: no job that is due (or has no due date), has retries
   * left, is not suspended, whether locked or not. A job that keeps failing would keep this from ever becoming true
   * until its retries are spent (then it is an incident, which {@link #noIncidents} reports).
   */
  void awaitJobsDrained(Duration limit) {
    awaitZero(limit, "jobs due with retries left", () -> db.count(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
            + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", now()),
        () -> db.rows("SELECT ID_, TYPE_, HANDLER_TYPE_, DUEDATE_, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_, EXCEPTION_MSG_,"
            + " PROCESS_DEF_KEY_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", now()));
  }

  /** Waits until the outbox has nothing waiting to be sent now (PENDING, or DEFERRED and due). */
  void awaitOutboxDrained(Duration limit) {
    awaitZero(limit, "notifications waiting to be sent", () -> db.count(
        "SELECT COUNT(*) FROM cf_notification WHERE status = 'PENDING'"
            + " OR (status = 'DEFERRED' AND not_before <= ?)", now()),
        () -> db.rows("SELECT id, type, channel, status, attempts, not_before, last_error FROM cf_notification"
            + " WHERE status IN ('PENDING', 'DEFERRED')"));
  }

  private void awaitZero(Duration limit, String what, Supplier<Long> count, Supplier<Object> details) {
    Instant deadline = Instant.now().plus(limit);
    while (count.get() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Still " + count.get() + " " + what + " after " + limit + ": " + details.get());
      }
      AppNode.sleep(Duration.ofMillis(500));
    }
  }

  // ---- the promises -------------------------------------------------------------------------------------------

  /**
   * Every payment the clients sent (and, after retrying, got a 2xx for) is booked exactly once, with its amount, on
   * its loan, and no other payment is booked; each loan's repaid principal equals what its payments repaid.
   */
  void everyPaymentBookedOnce(Workload workload, String referencePrefix) {
    Map<String, Workload.Payment> sent = workload.payments().stream()
        .collect(Collectors.toMap(Workload.Payment::reference, p -> p));
    assertThat(workload.acceptedPayments().keySet()).as("every payment was answered 2xx in the end")
        .containsExactlyInAnyOrderElementsOf(sent.keySet());
    List<Map<String, Object>> booked = db.rows("SELECT payment_reference, loan_number, amount, penalty_paid,"
        + " interest_paid, principal_paid, prepaid_principal FROM cf_payment WHERE payment_reference LIKE ?",
        referencePrefix + "%");
    assertThat(booked).extracting(row -> (String) row.get("payment_reference")).as("payment rows")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(sent.keySet());
    for (Map<String, Object> row : booked) {
      Workload.Payment payment = sent.get((String) row.get("payment_reference"));
      assertThat(row.get("loan_number")).isEqualTo(payment.loanNumber());
      assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(payment.amount());
      BigDecimal allocated = ((BigDecimal) row.get("penalty_paid")).add((BigDecimal) row.get("interest_paid"))
          .add((BigDecimal) row.get("principal_paid")).add((BigDecimal) row.get("prepaid_principal"));
      assertThat(allocated).as("allocation of " + payment.reference()).isEqualByComparingTo(payment.amount());
    }
    // ledger: per loan, principal - outstanding principal = principal repaid by its payments
    List<Map<String, Object>> ledger = db.rows("SELECT l.loan_number, l.principal - l.outstanding_principal AS repaid,"
        + " COALESCE((SELECT SUM(p.principal_paid + p.prepaid_principal) FROM cf_payment p"
        + " WHERE p.loan_number = l.loan_number), 0) AS by_payments,"
        + " (SELECT COUNT(*) FROM cf_payment_allocation a JOIN cf_payment p ON p.id = a.payment_id"
        + " WHERE p.loan_number = l.loan_number) AS allocations FROM cf_loan l");
    for (Map<String, Object> loan : ledger) {
      assertThat((BigDecimal) loan.get("repaid")).as("repaid principal of " + loan.get("loan_number"))
          .isEqualByComparingTo((BigDecimal) loan.get("by_payments"));
    }
    Map<String, BigDecimal> expectedPerLoan = new TreeMap<>();
    sent.values().forEach(p -> expectedPerLoan.merge(p.loanNumber(), p.amount(), BigDecimal::add));
    for (Map.Entry<String, BigDecimal> loan : expectedPerLoan.entrySet()) {
      BigDecimal total = db.jdbc.queryForObject("SELECT SUM(amount) FROM cf_payment WHERE loan_number = ?"
          + " AND payment_reference LIKE ?", BigDecimal.class, loan.getKey(), referencePrefix + "%");
      assertThat(total).as("payments booked on " + loan.getKey()).isEqualByComparingTo(loan.getValue());
    }
  }

  /** One loan per disbursed application, one disbursement per loan. */
  void oneDisbursementPerLoan(long disbursedApplications) {
    assertThat(db.rows("SELECT loan_number, COUNT(*) AS n FROM cf_disbursement GROUP BY loan_number"
        + " HAVING COUNT(*) > 1")).as("loans disbursed twice").isEmpty();
    assertThat(db.rows("SELECT application_id, COUNT(*) AS n FROM cf_loan WHERE application_id IS NOT NULL"
        + " GROUP BY application_id HAVING COUNT(*) > 1")).as("applications with two loans").isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM cf_disbursement")).isEqualTo(disbursedApplications);
    assertThat(db.count("SELECT COUNT(*) FROM cf_loan")).isEqualTo(disbursedApplications);
    assertThat(db.count("SELECT COUNT(*) FROM cf_loan_application WHERE status = 'DISBURSED'"))
        .isEqualTo(disbursedApplications);
  }

  /**
   * No notification reached a customer twice. Every SENT notification reached its gateway, and nothing else did. The
   * outbox delivers at least once: a node that dies after handing a message to the gateway and before recording SENT
   * leaves its claim, and the message is sent again when the claim runs out. That second request carries the same
   * {@code Idempotency-Key} (the notification id), so a gateway that honours the key (ours, as the IETF draft asks)
   * delivers it once. The test therefore counts distinct keys per notification, and checks that a key arrived more
   * than once only for a notification that was attempted more than once (a claim that ran out), never for one sent
   * in a single attempt. Returns the ids of the notifications the gateway received more than once.
   */
  Set<String> noNotificationDeliveredTwice() {
    Map<String, Long> deliveries = gateways.deliveriesByNotification();
    List<Map<String, Object>> live = db.rows("SELECT id, channel, status, attempts FROM cf_notification"
        + " WHERE channel IN ('SMS', 'APP_PUSH', 'EMAIL')");
    Set<String> sent = live.stream().filter(row -> "SENT".equals(row.get("status")))
        .map(row -> (String) row.get("id")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(db.count("SELECT COUNT(*) FROM cf_notification WHERE status = 'FAILED'")).as("FAILED notifications")
        .isZero();
    assertThat(deliveries.keySet()).as("notifications that reached a gateway = the SENT ones")
        .containsExactlyInAnyOrderElementsOf(sent);
    Map<String, Integer> attempts = live.stream().collect(Collectors.toMap(row -> (String) row.get("id"),
        row -> ((Number) row.get("attempts")).intValue()));
    Set<String> repeated = new TreeSet<>();
    deliveries.forEach((id, count) -> {
      if (count > 1) {
        repeated.add(id);
        assertThat(attempts.get(id)).as("notification " + id + " reached the gateway " + count + " times: only a"
            + " claim that ran out (a dead node) may send again, so it must show more than one attempt")
            .isGreaterThan(1);
      }
    });
    assertThat(db.rows("SELECT idempotency_key, COUNT(*) FROM cf_notification GROUP BY idempotency_key"
        + " HAVING COUNT(*) > 1")).as("notifications enqueued twice").isEmpty();
    return repeated;
  }

  /**
   * Every running process instance waits for something that will come: a user task, a message or signal
   * (event subscription), a timer due later, a called process that itself waits, or it has an incident for a person
   * to look at. None is left with nothing to move it on. Call after {@link #awaitJobsDrained}.
   */
  void noInstanceStuck() {
    List<Map<String, Object>> stuck = db.rows("SELECT pi.ID_, pi.BUSINESS_KEY_, d.KEY_ FROM ACT_RU_EXECUTION pi"
        + " JOIN ACT_RE_PROCDEF d ON d.ID_ = pi.PROC_DEF_ID_"
        + " WHERE pi.ID_ = pi.PROC_INST_ID_"
        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = pi.ID_)"
        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EVENT_SUBSCR s WHERE s.PROC_INST_ID_ = pi.ID_)"
        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ = pi.ID_ AND j.RETRIES_ > 0"
        + "   AND j.SUSPENSION_STATE_ = 1)"
        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_INCIDENT i WHERE i.PROC_INST_ID_ = pi.ID_)"
        + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION sub JOIN ACT_RU_EXECUTION e ON sub.SUPER_EXEC_ = e.ID_"
        + "   WHERE e.PROC_INST_ID_ = pi.ID_)");
    assertThat(stuck).as("process instances waiting for nothing").isEmpty();
    // a job with retries left that is due now would have been run by a node: nothing may be left behind
    assertThat(db.rows("SELECT ID_, PROCESS_DEF_KEY_, DUEDATE_, LOCK_OWNER_, EXCEPTION_MSG_ FROM ACT_RU_JOB"
        + " WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", now()))
        .as("jobs due now with retries left").isEmpty();
  }

  /** No incident and no job that failed (retrying): a crash or a node's death must not surface as a fault. */
  void noIncidentsOrFailedJobs() {
    assertThat(db.rows("SELECT INCIDENT_TYPE_, INCIDENT_MSG_, ACTIVITY_ID_ FROM ACT_RU_INCIDENT")).as("incidents")
        .isEmpty();
    assertThat(db.rows("SELECT ID_, PROCESS_DEF_KEY_, RETRIES_, EXCEPTION_MSG_ FROM ACT_RU_JOB"
        + " WHERE EXCEPTION_MSG_ IS NOT NULL")).as("failed jobs").isEmpty();
  }

  /**
   * Camunda's ids are UUIDs (the Spring Boot starter's default {@code camunda.bpm.id-generator: strong}, the
   * StrongUuidGenerator), never numbers from the database's id block (DbIdGenerator), which the Camunda docs
   * ("Id Generators", docs.camunda.org/manual/latest/user-guide/process-engine/id-generator/) say never to use in
   * production because it cannot handle high concurrency.
   */
  void engineIdsAreUuids() {
    List<String> ids = db.column("SELECT ID_ FROM ACT_HI_PROCINST", String.class);
    assertThat(ids).isNotEmpty().allSatisfy(id ->
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
  }

  Timestamp now() {
    return Timestamp.from(engineNow.get());
  }
}
