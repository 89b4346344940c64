package io.creditflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.resilience.Workload.Persona;
import io.creditflow.support.RequiresTestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash recovery: the packaged application on MariaDB, concurrent channel clients, SIGKILL mid-flight, restart.
 *
 * <ol>
 *   <li>Node A starts on an empty database. Four PRIME applications are submitted, accepted and disbursed: the loans
 *       the payments go to.</li>
 *   <li>Five client threads work at once: two submit applications (PRIME, PRIME, NEAR-PRIME, BANKRUPT in turn), one
 *       accepts every offer it finds, two post payments (10.00 to 29.00) to those loans. Once at least 14 applications
 *       (the first four included) and 10 payments are in, and asynchronous jobs are waiting, node A is killed with SIGKILL (exit value 137 proves the
 *       signal). The clients go on for a second, hitting a dead node, then stop.</li>
 *   <li>Node A starts again. The clients send every request that got no answer again, with the same reference and
 *       body, and keep accepting offers.</li>
 * </ol>
 *
 * Then, with the job executor and the outbox drained:
 * <ul>
 *   <li><b>every application is settled</b>, by persona: PRIME DISBURSED (final), BANKRUPT DECLINED (final),
 *       NEAR-PRIME UNDER_REVIEW with its <i>Review application</i> task open: waiting for a credit officer is where
 *       automation ends, and it is final for this test as no one works the task;</li>
 *   <li><b>every payment answered 2xx is booked exactly once</b> and no other: one row per reference, amount and
 *       allocation as sent, each loan's repaid principal equal to what its payments repaid;</li>
 *   <li>one loan and one disbursement per disbursed application;</li>
 *   <li><b>no notification reached a customer twice</b>: see {@link Invariants#noNotificationDeliveredTwice()};</li>
 *   <li><b>no instance is stuck</b>: every running instance waits for a task, a message, a later timer or a called
 *       process, and no job due now is left; and there is no incident or failed job at all.</li>
 * </ul>
 */
@ExtendWith(RequiresTestDatabase.class)
class CrashRecoveryIT {

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration START_LIMIT = Duration.ofMinutes(5);

  private static ResilienceDatabase db;
  private static Gateways gateways;
  private static AppNode node;

  @BeforeAll
  static void setUp() {
    db = ResilienceDatabase.prepareEmpty();
    gateways = new Gateways().start();
    node = new AppNode("crash-node-a", db, gateways, Map.of());
  }

  @AfterAll
  static void tearDown() {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (gateways != null) {
        gateways.close();
      }
    }
  }

  @Test
  void aNodeKilledMidFlightLosesNothingAndRepeatsNothing() throws Exception {
    node.start().awaitReady(START_LIMIT);
    node.ensureChannelUser();
    String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Workload clients = new Workload(run, () -> LocalDate.now(BUSINESS_ZONE), List.of(node.channel()));
    Invariants invariants = new Invariants(db, gateways, Instant::now);

    for (int i = 0; i < 4; i++) {
      clients.submit(Persona.PRIME);
    }
    clients.awaitApplicationsSettled(Duration.ofMinutes(4));
    List<String> loans = clients.loanNumbers();
    assertThat(loans).hasSize(4);

    // mid-flight: five concurrent clients
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(5);
    Persona[] personas = {Persona.PRIME, Persona.NEAR_PRIME, Persona.PRIME, Persona.BANKRUPT};
    for (int t = 0; t < 2; t++) {
      int offset = t;
      threads.submit(() -> {
        for (int i = offset; !stop.get(); i += 2) {
          clients.submit(personas[i % personas.length]);
          AppNode.sleep(Duration.ofMillis(150));
        }
      });
    }
    threads.submit(() -> {
      while (!stop.get()) {
        clients.acceptOffers();
        AppNode.sleep(Duration.ofMillis(200));
      }
    });
    for (int t = 0; t < 2; t++) {
      threads.submit(() -> {
        while (!stop.get()) {
          String loan = loans.get(ThreadLocalRandom.current().nextInt(loans.size()));
          clients.pay(loan, new BigDecimal(10 + ThreadLocalRandom.current().nextInt(20)).setScale(2));
          AppNode.sleep(Duration.ofMillis(100));
        }
      });
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    // kill as soon as asynchronous work is seen in the database; the count seen is the one reported (counting again
    // before the kill raced the job executor, which may have finished that work in between)
    long jobsAtCrash = 0;
    while (Instant.now().isBefore(deadline)) {
      if (clients.applications().size() >= 14 && clients.acceptedPayments().size() >= 10) {
        jobsAtCrash = db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'async-continuation'");
        if (jobsAtCrash > 0) {
          break;
        }
      }
      AppNode.sleep(Duration.ofMillis(100));
    }
    long lockedAtCrash = db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
    int exitValue = node.kill();
    assertThat(exitValue).as("exit value of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    AppNode.sleep(Duration.ofSeconds(1));
    stop.set(true);
    threads.shutdown();
    assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    int unanswered = clients.unansweredSoFar();
    System.out.printf("CrashRecoveryIT: killed %s with %d applications and %d payments sent, %d async jobs"
        + " (%d locked) in the database, %d requests unanswered%n", node.name, clients.applications().size(),
        clients.payments().size(), jobsAtCrash, lockedAtCrash, unanswered);
    assertThat(unanswered).as("requests that hit the dead node").isPositive();
    assertThat(jobsAtCrash).as("work in flight when the node died").isPositive();

    node.start().awaitReady(START_LIMIT);
    clients.retryUnanswered(Duration.ofMinutes(2));
    clients.awaitApplicationsSettled(Duration.ofMinutes(5));
    invariants.awaitJobsDrained(Duration.ofMinutes(3));
    invariants.awaitOutboxDrained(Duration.ofMinutes(2));

    assertThat(clients.errors()).as("unexpected answers").isEmpty();
    // applications: settled by persona (awaitApplicationsSettled), and NEAR-PRIME ones wait at their review task
    long referred = clients.applications().stream().filter(a -> a.persona == Persona.NEAR_PRIME).count();
    assertThat(referred).isPositive();
    assertThat(db.count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewApplication'"))
        .isEqualTo(referred);
    assertThat(db.count("SELECT COUNT(*) FROM cf_loan_application")).isEqualTo(clients.applications().size());
    long disbursed = clients.applications().stream().filter(a -> a.persona == Persona.PRIME).count();
    invariants.oneDisbursementPerLoan(disbursed);
    invariants.everyPaymentBookedOnce(clients, "RES-" + run + "-PAY-");
    Set<String> resent = invariants.noNotificationDeliveredTwice();
    invariants.noInstanceStuck();
    invariants.noIncidentsOrFailedJobs();
    invariants.engineIdsAreUuids();
    long committedButUnanswered = clients.acceptedPayments().values().stream().filter(status -> status == 200).count();
    System.out.printf("CrashRecoveryIT: %d applications settled, %d payments booked once (%d of them had been"
        + " committed before the client got an answer: the retry was answered 200), %d notifications sent, %d sent"
        + " again after the crash under the same Idempotency-Key%n", clients.applications().size(),
        clients.payments().size(), committedButUnanswered, gateways.deliveriesByNotification().size(), resent.size());
  }
}
