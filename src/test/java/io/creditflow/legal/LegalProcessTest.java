package io.creditflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.contact.ContactPolicy;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.DailyClose;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentChannel;
import io.creditflow.servicing.PaymentCommand;
import io.creditflow.servicing.PaymentService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code legalHandover}, on the real ledger. */
@LegalTest
class LegalProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired DailyClose dailyClose;
  @Autowired PaymentService payments;
  @Autowired LoanQueries loans;
  @Autowired LegalService legal;
  @Autowired ContactPolicy contactPolicy;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  LegalFixture f;
  String loanNumber;
  ProcessInstance pi;

  @BeforeEach
  void handedOver() {
    BpmnAwareTests.init(engine);
    f = new LegalFixture(engine, disbursements, customers, dailyClose, payments, loans, legal);
    loanNumber = f.pastDueLoan();
    pi = f.handOver(loanNumber);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void openingPutsTheLoanInLegalHoldsContactAndWaitsForTheLawyer() {
    assertThat(pi).isWaitingAt(LegalProcess.TASK_REVIEW);
    assertThat(engine.getTaskService().getIdentityLinksForTask(f.task(pi).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("legal"));
    LegalCase c = f.legalCase(loanNumber);
    assertThat(c.getStatus()).isEqualTo(LegalCaseStatus.IN_REVIEW);
    assertThat(c.getCollectionCaseId()).isEqualTo("COLL-" + loanNumber);
    assertThat(c.getBalanceAtOpening()).isEqualByComparingTo(f.loan(loanNumber).getBalance());
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.IN_LEGAL);
    assertThat(contactPolicy.onHold(loanNumber)).isTrue();
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(f.task(pi).getId());
    assertThat((String) shown.get(LegalProcess.CASE_SUMMARY)).contains(loanNumber).contains("IN_LEGAL");
    assertThat(shown.get(LegalProcess.CASE_FILE_LINK)).isEqualTo("/api/legal-cases/" + c.getId() + "/case-file");
  }

  @Test
  void settlementAcceptedAndPaidForgivesTheRest() {
    BigDecimal balance = f.loan(loanNumber).getBalance();
    review("SETTLEMENT", null, 8000, "2027-05-05");
    assertThat(pi).isWaitingAt("Gateway_SettlementWait");
    String caseId = f.caseId(pi);
    f.pay(loanNumber, "500.00"); // before acceptance: does not count
    assertThat(legal.acceptSettlement(caseId, "ACC-1")).isTrue();
    assertThat(legal.acceptSettlement(caseId, "ACC-1")).isFalse();
    assertThat(pi).isWaitingAt("Event_AcceptedDeadline");
    f.pay(loanNumber, "3000.00");
    assertThat(pi).isWaitingAt("Event_AcceptedDeadline");
    f.pay(loanNumber, "5000.00");

    assertThat(pi).hasPassed("Task_CompleteSettlement", "EndEvent_Settled").isEnded();
    Loan loan = f.loan(loanNumber);
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.SETTLED);
    assertThat(loan.getForgivenAmount()).isEqualByComparingTo(balance.subtract(new BigDecimal("8500.00")));
    LegalCase c = legal.get(caseId);
    assertThat(c.getOutcome()).isEqualTo(LegalOutcome.SETTLED);
    assertThat(c.getForgivenAmount()).isEqualByComparingTo(loan.getForgivenAmount());
    assertThat(bureauKinds()).contains(BureauReportKind.SETTLED);
    assertThat(contactPolicy.onHold(loanNumber)).isFalse();
  }

  @Test
  void settlementLapsedGoesBackToReview() {
    review("SETTLEMENT", null, 8000, "2027-04-20");
    legal.acceptSettlement(f.caseId(pi), "ACC-2");
    f.pay(loanNumber, "1000.00");
    f.fireTimers(pi, LocalDate.of(2027, 4, 21));

    assertThat(pi).hasPassed("Task_LapseSettlement").isWaitingAt(LegalProcess.TASK_REVIEW);
    LegalCase c = legal.get(f.caseId(pi));
    assertThat(c.getStatus()).isEqualTo(LegalCaseStatus.IN_REVIEW);
    assertThat(legal.steps(c.getId())).anySatisfy(s -> assertThat(s.getKind())
        .isEqualTo(LegalStep.Kind.SETTLEMENT_LAPSED));
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.IN_LEGAL);
  }

  @Test
  void lawsuitWonEnforcedUntilTheAwardIsRecovered() {
    review("LAWSUIT", null, null, null);
    assertThat(pi).isWaitingAt(LegalProcess.TASK_FILE_LAWSUIT);
    assertThatThrownBy(() -> f.complete(pi, "lawyer", Map.of(LegalProcess.COURT, "Huangpu District Court",
        LegalProcess.COURT_CASE_NUMBER, "(2027)HU0101MC1", LegalProcess.FILING_COSTS, 350.5,
        LegalProcess.HEARING_DATE, "2027-04-01"))).hasRootCauseInstanceOf(LegalRuleViolation.class);
    f.complete(pi, "lawyer", Map.of(LegalProcess.COURT, "Huangpu District Court",
        LegalProcess.COURT_CASE_NUMBER, "(2027)HU0101MC1", LegalProcess.FILING_COSTS, 350.5,
        LegalProcess.HEARING_DATE, "2027-05-10"));
    assertThat(pi).isWaitingAt("Event_HearingDate");
    f.fireTimers(pi, LocalDate.of(2027, 5, 9));
    assertThat(pi).isWaitingAt("Event_HearingDate");
    f.fireTimers(pi, LocalDate.of(2027, 5, 10));
    assertThat(pi).isWaitingAt(LegalProcess.TASK_RECORD_JUDGMENT);
    f.complete(pi, "lawyer", Map.of(LegalProcess.JUDGMENT, "WON", LegalProcess.AWARDED_AMOUNT, 9000));
    assertThat(pi).isWaitingAt(LegalProcess.TASK_ENFORCE);
    f.complete(pi, "lawyer", Map.of(LegalProcess.ENFORCEMENT_OUTCOME, "CONTINUE",
        LegalProcess.ENFORCEMENT_NOTE, "bank account frozen", LegalProcess.ENFORCEMENT_COST, 120));
    assertThat(pi).isWaitingAt(LegalProcess.TASK_ENFORCE);
    f.pay(loanNumber, "4000.00");
    assertThat(pi).isWaitingAt(LegalProcess.TASK_ENFORCE);
    f.pay(loanNumber, "5000.00");

    assertThat(pi).hasPassed("Task_CompleteSettlement", "EndEvent_Settled").isEnded();
    LegalCase c = legal.get(f.caseId(pi));
    assertThat(c.getJudgment()).isEqualTo(Judgment.WON);
    assertThat(c.getOutcome()).isEqualTo(LegalOutcome.SETTLED);
    assertThat(legal.steps(c.getId()).stream().map(LegalStep::getCost).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("470.50");
    assertThat(legal.recoveries(c)).hasSize(2);
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.SETTLED);
  }

  @Test
  void lawsuitLostIsWrittenOffOnceAnotherPersonApproves() {
    review("LAWSUIT", null, null, null);
    f.complete(pi, "lawyer", Map.of(LegalProcess.COURT, "Court", LegalProcess.COURT_CASE_NUMBER, "C-1",
        LegalProcess.FILING_COSTS, 100, LegalProcess.HEARING_DATE, "2027-04-10"));
    f.fireTimers(pi, LocalDate.of(2027, 4, 10));
    f.complete(pi, "lawyer", Map.of(LegalProcess.JUDGMENT, "LOST"));
    assertThat(pi).isWaitingAt(LegalProcess.TASK_APPROVE_WRITE_OFF);
    assertThat(engine.getTaskService().getIdentityLinksForTask(f.task(pi).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("risk-managers"));
    BigDecimal balance = f.loan(loanNumber).getBalance();
    f.complete(pi, "risk", Map.of(LegalProcess.WRITE_OFF_APPROVED, true));

    assertThat(pi).hasPassed("Task_WriteOffLoan", "EndEvent_WrittenOff").isEnded();
    Loan loan = f.loan(loanNumber);
    assertThat(loan.getStatus()).isEqualTo(LoanStatus.WRITTEN_OFF);
    assertThat(loan.getChargedOffBalance()).isEqualByComparingTo(balance);
    assertThat(loan.getBalance()).isEqualByComparingTo("0");
    LegalCase c = legal.get(f.caseId(pi));
    assertThat(c.getOutcome()).isEqualTo(LegalOutcome.WRITTEN_OFF);
    assertThat(c.getWriteOffProposedBy()).isEqualTo("lawyer");
    assertThat(c.getWriteOffApprovedBy()).isEqualTo("risk");
    assertThat(bureauKinds()).contains(BureauReportKind.CHARGED_OFF);
    assertThat(contactPolicy.onHold(loanNumber)).isFalse();
  }

  @Test
  void aRejectedWriteOffGoesBackToReview() {
    review("WRITE_OFF", "debtor untraceable", null, null);
    assertThatThrownBy(() -> f.complete(pi, "risk", Map.of(LegalProcess.WRITE_OFF_APPROVED, false)))
        .hasRootCauseInstanceOf(LegalRuleViolation.class);
    f.complete(pi, "risk", Map.of(LegalProcess.WRITE_OFF_APPROVED, false,
        LegalProcess.WRITE_OFF_COMMENT, "try a settlement first"));

    assertThat(pi).isWaitingAt(LegalProcess.TASK_REVIEW).hasNotPassed("Task_WriteOffLoan");
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.IN_LEGAL);
    assertThat(legal.get(f.caseId(pi)).getStatus()).isEqualTo(LegalCaseStatus.IN_REVIEW);
  }

  @Test
  void theProposerCannotApproveTheWriteOff() {
    review("WRITE_OFF", "debtor untraceable", null, null);
    String taskId = f.task(pi).getId();
    assertThatThrownBy(() -> engine.getTaskService().claim(taskId, "lawyer"))
        .hasRootCauseInstanceOf(LegalRuleViolation.class).rootCause().hasMessageContaining("another risk manager");
    assertThatThrownBy(() -> f.complete(pi, "lawyer", Map.of(LegalProcess.WRITE_OFF_APPROVED, true)))
        .hasRootCauseInstanceOf(LegalRuleViolation.class);
    assertThat(pi).isWaitingAt(LegalProcess.TASK_APPROVE_WRITE_OFF);
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.IN_LEGAL);
  }

  @Test
  void returnToCollectionEndsTheCaseAndStartsCollectionAgain() {
    assertThatThrownBy(() -> review("RETURN_TO_COLLECTION", null, null, null))
        .hasRootCauseInstanceOf(LegalRuleViolation.class);
    review("RETURN_TO_COLLECTION", "customer disputes the debt, collection to re-engage", null, null);

    assertThat(pi).hasPassed("Task_ReturnToCollection", "EndEvent_Returned").isEnded();
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.DELINQUENT);
    assertThat(contactPolicy.onHold(loanNumber)).isFalse();
    assertThat(legal.get(f.caseId(pi)).getOutcome()).isEqualTo(LegalOutcome.RETURNED_TO_COLLECTION);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(loanNumber)
        .processDefinitionKey(ProcessKeys.COLLECTION).count()).isEqualTo(1);
  }

  @Test
  void fullPaymentDuringTheCaseClosesItAndSettlesTheLoan() {
    review("LAWSUIT", null, null, null);
    String owed = f.loan(loanNumber).getOutstandingPrincipal().add(f.loan(loanNumber).getOutstandingInterest())
        .add(f.loan(loanNumber).getOutstandingPenalty()).toPlainString();
    f.pay(loanNumber, owed);

    assertThat(pi).hasPassed("Task_ClosePaidInFull", "EndEvent_PaidInFull").hasNotPassed("Task_CompleteSettlement")
        .isEnded();
    assertThat(f.loan(loanNumber).getStatus()).isEqualTo(LoanStatus.SETTLED);
    assertThat(legal.get(f.caseId(pi)).getOutcome()).isEqualTo(LegalOutcome.PAID_IN_FULL);
    assertThat(bureauKinds()).contains(BureauReportKind.SETTLED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void twoPaymentsBeforeTheCaseRecordsEitherAreEachRecordedWithTheirOwnReferenceAndAmount() {
    review("LAWSUIT", null, null, null);
    // Task_RecordPayment is asynchronous: both payments arrive before its jobs run
    payments.post(loanNumber, new PaymentCommand("PAY-LEGAL-FIRST", new BigDecimal("100.00"), f.today,
        PaymentChannel.BANK_TRANSFER));
    payments.post(loanNumber, new PaymentCommand("PAY-LEGAL-SECOND", new BigDecimal("250.00"), f.today,
        PaymentChannel.BANK_TRANSFER));
    f.runJobs(pi);

    assertThat(legal.steps(f.caseId(pi))).filteredOn(step -> step.getKind() == LegalStep.Kind.PAYMENT)
        .extracting(LegalStep::getReference, LegalStep::getDetail)
        .containsExactlyInAnyOrder(tuple("PAY-LEGAL-FIRST", "100.00 " + f.loan(loanNumber).getCurrency()),
            tuple("PAY-LEGAL-SECOND", "250.00 " + f.loan(loanNumber).getCurrency()));
  }

  @Test
  void paymentsAfterWriteOffAreBookedAsRecoveries() {
    review("WRITE_OFF", "unrecoverable", null, null);
    f.complete(pi, "risk", Map.of(LegalProcess.WRITE_OFF_APPROVED, true));
    Loan written = f.loan(loanNumber);
    assertThat(written.getStatus()).isEqualTo(LoanStatus.WRITTEN_OFF);

    f.pay(loanNumber, "700.00");
    Loan after = f.loan(loanNumber);
    assertThat(after.getStatus()).isEqualTo(LoanStatus.WRITTEN_OFF);
    assertThat(after.getChargedOffBalance())
        .isEqualByComparingTo(written.getChargedOffBalance().subtract(new BigDecimal("700.00")));
    assertThat(legal.recoveries(legal.get(f.caseId(pi)))).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("700.00"));
    assertThatThrownBy(() -> payments.post(loanNumber, new PaymentCommand("PAY-TOO-MUCH",
        after.getChargedOffBalance().add(BigDecimal.ONE), f.today, PaymentChannel.BANK_TRANSFER)))
        .isInstanceOf(InvalidRequestException.class);
  }

  private java.util.List<BureauReportKind> bureauKinds() {
    return jdbc.queryForList("SELECT kind FROM cf_bureau_report WHERE loan_number = ?", String.class, loanNumber)
        .stream().map(BureauReportKind::valueOf).toList();
  }

  private void review(String decision, String reason, Number amount, String deadline) {
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put(LegalProcess.DECISION, decision);
    vars.put(LegalProcess.DECISION_REASON, reason);
    vars.put(LegalProcess.SETTLEMENT_AMOUNT, amount);
    vars.put(LegalProcess.SETTLEMENT_DEADLINE, deadline);
    f.complete(pi, "lawyer", vars);
  }
}
