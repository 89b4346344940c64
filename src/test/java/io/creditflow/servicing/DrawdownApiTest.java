package io.creditflow.servicing;

import static io.creditflow.servicing.Ledger.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/credit-lines/{id}/drawdowns} over real HTTP: every answer a caller can get. */
@CreditFlowWebTest
class DrawdownApiTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DisbursementService disbursements;
  @Autowired LedgerActions actions;
  @Autowired LoanRepository loans;
  @Autowired CreditLineRepository creditLines;
  @Autowired DrawdownRepository drawdowns;

  Http http;
  String lineId;

  @BeforeEach
  void aLine() {
    http = new Http(port);
    Ledger.today(TODAY);
    // 1,200.00 drawn at 12 % on a line of 10,000.00
    lineId = loans.findById(Ledger.loan(disbursements, "1200.00", "0.12", 12)).orElseThrow().getCreditLineId();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static String body(String reference, String amount, int term, String purpose) {
    return """
        {"drawdownReference": "%s", "amount": %s, "termMonths": %d, "purpose": "%s"}"""
        .formatted(reference, amount, term, purpose);
  }

  private HttpResponse<String> draw(String line, String body, String... user) {
    return http.postJson("/api/credit-lines/" + line + "/drawdowns", body, user);
  }

  private HttpResponse<String> draw(String amount) {
    return draw(lineId, body("DD-" + UUID.randomUUID(), amount, 6, "TRAVEL"), "channel", "demo");
  }

  @Test
  void aDrawdownBooksAFurtherLoanOnTheLineAndARepeatIs200() throws Exception {
    String reference = "DD-" + UUID.randomUUID();

    HttpResponse<String> created = draw(lineId, body(reference, "3000.00", 6, "TRAVEL"), "channel", "demo");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = json.readTree(created.body());
    String loanNumber = answer.path("loanNumber").asText();
    assertThat(LoanNumbers.isWellFormed(loanNumber)).isTrue();
    assertThat(answer.path("creditLineId").asText()).isEqualTo(lineId);
    assertThat(answer.path("annualRate").decimalValue()).isEqualByComparingTo("0.12");
    assertThat(answer.path("firstDueDate").asText()).isEqualTo("2027-04-01");
    assertThat(answer.path("maturityDate").asText()).isEqualTo("2027-09-01");
    // 3,000.00 at 1 % a month over 6 months
    assertThat(answer.path("firstInstalment").decimalValue()).isEqualByComparingTo("517.65");
    assertThat(answer.path("availableAmount").decimalValue()).isEqualByComparingTo("5800.00");

    Loan loan = loans.findById(loanNumber).orElseThrow();
    assertThat(loan.getCreditLineId()).isEqualTo(lineId);
    assertThat(loan.getApplicationId()).isNull();
    assertThat(loan.getPrincipal()).isEqualTo(money("3000.00"));
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(creditLines.findById(lineId).orElseThrow().getDrawnAmount()).isEqualTo(money("4200.00"));
    assertThat(http.get("/api/loans/" + loanNumber, "channel", "demo").statusCode()).isEqualTo(200);

    HttpResponse<String> repeated = draw(lineId, body(reference, "3000", 6, "TRAVEL"), "channel", "demo");
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(json.readTree(repeated.body())).isEqualTo(answer);

    assertThat(draw(lineId, body(reference, "3000.00", 12, "TRAVEL"), "channel", "demo").statusCode())
        .isEqualTo(409);
    assertThat(loans.findByCreditLineIdOrderByCreatedAtAsc(lineId)).hasSize(2);
  }

  @Test
  void theDailyAndMonthlyCapsHold() {
    actions.changeLimit(lineId, money("300000.00"), "test: room for the caps", "manager");

    assertThat(draw("50000.00").statusCode()).isEqualTo(201);
    HttpResponse<String> overDaily = draw("0.01");
    assertThat(overDaily.statusCode()).isEqualTo(400);
    assertThat(overDaily.body()).contains("daily drawdown cap");
    for (int day = 1; day <= 3; day++) {
      Ledger.today(TODAY.plusDays(day));
      assertThat(draw("50000.00").statusCode()).isEqualTo(201);
    }
    Ledger.today(TODAY.plusDays(4));
    HttpResponse<String> overMonthly = draw("1.00");
    assertThat(overMonthly.statusCode()).isEqualTo(400);
    assertThat(overMonthly.body()).contains("monthly drawdown cap");

    Ledger.today(LocalDate.of(2027, 4, 1));
    assertThat(draw("1.00").statusCode()).isEqualTo(201);
  }

  @Test
  void aFrozenLineIs409AndBadInputIs400AndStoresNothing() throws Exception {
    long before = drawdowns.count();
    assertThat(draw("8800.01").statusCode()).isEqualTo(400);
    HttpResponse<String> prohibited = draw(lineId, body("DD-" + UUID.randomUUID(), "100.00", 6, "REAL_ESTATE"),
        "channel", "demo");
    assertThat(prohibited.statusCode()).isEqualTo(400);
    assertThat(json.readTree(prohibited.body()).path("errors").get(0).path("field").asText()).isEqualTo("purpose");

    List<String> bad = List.of(
        body("DD-1", "100.00", 0, "TRAVEL"),
        body("DD-1", "100.00", 361, "TRAVEL"),
        body("DD-1", "100.00", 6, "FOOD"),
        body("DD-1", "100.001", 6, "TRAVEL"),
        body("DD-1", "-5.00", 6, "TRAVEL"),
        body("DD 1", "100.00", 6, "TRAVEL"),
        body("DD-1", "100.00", 6, "TRAVEL").replace("6,", "6.5,"),
        body("DD-1", "100.00", 6, "TRAVEL").replace("\"amount\": 100.00,", ""));
    for (String request : bad) {
      HttpResponse<String> response = draw(lineId, request, "channel", "demo");
      assertThat(response.statusCode()).as(request + " → " + response.body()).isEqualTo(400);
    }
    assertThat(draw(UUID.randomUUID().toString(), body("DD-2", "100.00", 6, "TRAVEL"), "channel", "demo")
        .statusCode()).isEqualTo(404);
    assertThat(draw(lineId, body("DD-3", "100.00", 6, "TRAVEL")).statusCode()).isEqualTo(401);
    assertThat(draw(lineId, body("DD-3", "100.00", 6, "TRAVEL"), "risk", "demo").statusCode()).isEqualTo(403);

    actions.freezeLine(lineId, "fund usage FU-9", "risk");
    HttpResponse<String> frozen = draw("100.00");
    assertThat(frozen.statusCode()).isEqualTo(409);
    assertThat(frozen.body()).contains("FROZEN");
    assertThat(drawdowns.count()).isEqualTo(before);
    assertThat(loans.findByCreditLineIdOrderByCreatedAtAsc(lineId)).hasSize(1);
  }
}
