package io.creditflow.complaint;

import static io.creditflow.complaint.ComplaintFixture.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.support.MariaDbApplication;
import io.creditflow.support.RequiresTestDatabase;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Complaints on MySQL/MariaDB (profile {@code mysql}): V18 applied, a complaint filed, resolved and closed. */
@ExtendWith(RequiresTestDatabase.class)
class ComplaintMariaDbIT {

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

  @Test
  void aComplaintIsStoredEncryptedResolvedAndClosed() {
    ComplaintService complaints = context.getBean(ComplaintService.class);
    ComplaintFixture fixture = new ComplaintFixture(context.getBean(ProcessEngine.class), complaints,
        context.getBean(CustomerService.class), context.getBean(DisbursementService.class),
        context.getBean(DailyClose.class), context.getBean(LoanQueries.class));
    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    String loan = fixture.loan(LocalDate.of(2027, 1, 10));

    Complaint c = fixture.file(loan, null, "催收员威胁我 — the collector threatened me", Jurisdiction.CN);
    assertThat(c.getCategory()).isEqualTo(ComplaintCategory.COLLECTION_CONDUCT);
    assertThat(c.isCollectionHold()).isTrue();
    assertThat(jdbc.queryForObject("SELECT description FROM cf_complaint WHERE id = ?", String.class, c.getId()))
        .doesNotContain("催收员");
    assertThat(complaints.get(c.getId()).getDescription()).startsWith("催收员威胁我");

    ComplaintFixture.at(RECEIVED.plusDays(2), 10, 0);
    fixture.complete(c, ComplaintProcess.TASK_INVESTIGATE, "handler", Map.of(
        ComplaintProcess.INVESTIGATION_RESULT, ComplaintProcess.RESOLVE, ComplaintProcess.OUTCOME, "UPHELD",
        ComplaintProcess.REMEDY_CREDIT_CORRECTION, true));
    fixture.fire(c, "Event_FeedbackWindowClosed");

    Complaint closed = complaints.get(c.getId());
    assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(closed.getBureauRecordId()).isNotNull();
    assertThat(closed.getReceivedAt().getNano()).isZero();
    assertThat(complaints.history(c.getId())).extracting(ComplaintEvent::getKind)
        .containsSubsequence("RECEIVED", "TRIAGED", "ACKNOWLEDGED", "COLLECTION_HELD", "RESOLVED",
            "BUREAU_CORRECTION", "FINAL_RESPONSE_SENT", "COLLECTION_RELEASED", "CLOSED");
  }
}
