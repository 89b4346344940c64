package io.creditflow.contact;

import static io.creditflow.contact.ContactFixture.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * The contact policy on MySQL/MariaDB (profile {@code mysql}): V10 ran with its keys and indexes, the caps' queries
 * and whole-second instants behave as on H2, and two nodes deciding the last SMS of a day at once allow only one.
 */
@ExtendWith(RequiresTestDatabase.class)
class ContactMariaDbIT {

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

  private static JdbcTemplate jdbc() {
    return new JdbcTemplate(context.getBean(DataSource.class));
  }

  private static ContactPolicyService policy() {
    return context.getBean(ContactPolicyService.class);
  }

  private static ContactFixture.Booked loan() {
    return ContactFixture.loan(context.getBean(DisbursementService.class), context.getBean(CustomerService.class));
  }

  @Test
  void flywayCreatedTheContactTablesWithTheirKeys() {
    JdbcTemplate jdbc = jdbc();
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '10' AND success = TRUE", Long.class))
        .isEqualTo(1L);
    assertThat(jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.statistics "
        + "WHERE table_schema = DATABASE() AND table_name = 'cf_contact_decision'", String.class))
        .contains("PRIMARY", "ix_cf_contact_decision_loan", "ix_cf_contact_decision_customer");
    assertThat(jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.statistics "
        + "WHERE table_schema = DATABASE() AND table_name = 'cf_contact_call'", String.class))
        .contains("uq_cf_contact_call_decision", "ix_cf_contact_call_loan");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
        + " AND table_name = 'cf_customer' AND column_name = 'time_zone'", Long.class)).isEqualTo(1L);
  }

  @Test
  void decisionsCallsAndCapsWorkOnMariaDb() {
    ContactFixture.Booked booked = loan();
    String loan = booked.loanNumber();
    Instant at = Instant.parse("2027-03-02T02:00:00.750Z"); // 10:00:00.750 in Shanghai

    ContactDecision first = policy().decide(new ContactRequest(loan, ContactChannel.SMS, ContactParty.BORROWER,
        "collection.dpd1-sms", at), null, loan + ":N-1");
    ContactDecision second = policy().decide(new ContactRequest(loan, ContactChannel.SMS, ContactParty.BORROWER,
        "collection.dpd1-sms", at.plusSeconds(3600)), null, loan + ":N-2");
    ContactDecision call = policy().decide(new ContactRequest(loan, ContactChannel.CALL, ContactParty.BORROWER,
        ContactPolicyService.COLLECTION_CALL, at));
    policy().recordCall(loan, call.decisionId(), CallOutcome.DISPUTE, "mobile", "collector", at);

    assertThat(first.allowed()).isTrue();
    assertThat(second.reason()).isEqualTo("SMS_DAILY_CAP");
    assertThat(second.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(context.getBean(ContactDecisionRepository.class).findById(first.decisionId()).orElseThrow()
        .getContactAt()).isEqualTo(Instant.parse("2027-03-02T02:00:00Z"));
    ContactDecision again = policy().decide(new ContactRequest(loan, ContactChannel.CALL, ContactParty.BORROWER,
        ContactPolicyService.COLLECTION_CALL, at.plusSeconds(86_400)));
    assertThat(again.reason()).isEqualTo("CALL_AFTER_CONVERSATION");
    assertThat(again.notBefore()).isEqualTo(Instant.parse("2027-03-09T02:00:00Z"));

    policy().hold(loan, "complaint:IT-1", "it", at);
    assertThat(policy().onHold(loan)).isTrue();
    assertThat(policy().release(loan, "complaint:IT-1", at)).isTrue();
  }

  @Test
  void twoNodesDecidingTheLastSmsOfTheDayAtOnceAllowOnlyOne() throws Exception {
    String loan = loan().loanNumber();
    Instant at = shanghai("2027-03-02T10:00:00");
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<ContactDecision>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        String notificationId = loan + ":N-" + node;
        runs.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return policy().decide(new ContactRequest(loan, ContactChannel.SMS, ContactParty.BORROWER,
              "collection.dpd1-sms", at), null, notificationId);
        }, nodes));
      }
      go.countDown();
      List<ContactDecision> decisions = new ArrayList<>();
      for (CompletableFuture<ContactDecision> run : runs) {
        decisions.add(run.get(60, TimeUnit.SECONDS));
      }
      assertThat(decisions).filteredOn(ContactDecision::allowed).hasSize(1);
      assertThat(decisions).filteredOn(decision -> !decision.allowed()).extracting(ContactDecision::reason)
          .containsExactly("SMS_DAILY_CAP");
    } finally {
      nodes.shutdownNow();
    }
  }
}
