package io.creditflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.origination.ApplicationService;
import io.creditflow.origination.ApplicationStatus;
import io.creditflow.origination.Channel;
import io.creditflow.origination.LoanApplication;
import io.creditflow.origination.LoanPurpose;
import io.creditflow.origination.Promotion;
import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code promotionCampaign} on the real services and DMN tables (jobs and the clock driven by the test),
 * the automatic checks, campaign benefits in origination's offers, budget booking at disbursement, and
 * {@code /api/campaigns} over real HTTP. Campaigns run in 2031, far from the dates other tests use, and are closed
 * after each test.
 */
@CreditFlowWebTest
class PromotionCampaignTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2031, 3, 3);
  /** Grades A and B with 50 bps off: A 6.00%-6.30%, B 8.40%-8.70% (credit-terms.dmn). */
  static final String DISCLOSURE = "0.50% off: annual rate from 6.00% to 8.70%.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired CampaignService campaigns;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    today(TODAY);
  }

  @AfterEach
  void cleanUp() {
    engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PromotionCampaignProcess.PROCESS_KEY).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
    jdbc.update("UPDATE cf_promotion_campaign SET status = 'CLOSED' WHERE status = 'APPROVED'");
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ process paths

  @Test
  void anApprovedCampaignRunsUntilItsEndDateAndMarketingReviewsTheResults() {
    String code = code();
    ProcessInstance process = start(form(code));

    assertThat(process).hasPassed("Task_RegisterCampaign", "Task_CheckCampaign").isWaitingAt("Task_ReviewCampaign");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).count())
        .isOne();
    assertThat(task(process)).hasCandidateGroup("compliance");
    assertThat(variable(process, PromotionCampaignProcess.CHECK_FINDINGS)).isEqualTo("none");
    assertThat(variable(process, PromotionCampaignProcess.DISCLOSED_RATES))
        .isEqualTo("A 6.00%-6.30%; B 8.40%-8.70%");
    assertThat(campaign(code).getStatus()).isEqualTo(CampaignStatus.IN_REVIEW);

    // the proposer may not approve her own campaign; a decision is required
    assertThatThrownBy(() -> complete(task(process), "marketer", Map.of("complianceDecision", "APPROVE")))
        .hasMessageContaining("proposed");
    assertThatThrownBy(() -> complete(task(process), "auditor", Map.of("complianceDecision", "MAYBE")))
        .hasMessageContaining("APPROVE or REJECT");
    complete(task(process), "auditor", Map.of("complianceDecision", "APPROVE", "complianceComment", "Fine."));

    assertThat(process).hasPassed("Task_ApproveCampaign").isWaitingAt("Gateway_Running");
    PromotionCampaign approved = campaign(code);
    assertThat(approved.getStatus()).isEqualTo(CampaignStatus.APPROVED);
    assertThat(approved.getReviewedBy()).isEqualTo("auditor");
    assertThat(approved.isRunningOn(TODAY.plusDays(27))).isTrue();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(TODAY.plusDays(28).atStartOfDay(ZONE).toInstant()));

    today(TODAY.plusDays(28)); // the end date was yesterday
    runJobs(process);

    assertThat(process).hasPassed("Event_EndDateReached", "Task_CloseCampaign", "Task_CompileResults")
        .hasNotPassed("Event_BudgetExhausted").isWaitingAt("Task_ReviewResults");
    assertThat(task(process)).hasCandidateGroup("marketing");
    assertThat(variable(process, PromotionCampaignProcess.CLOSED_REASON)).isEqualTo("END_DATE");
    assertThat(variable(process, PromotionCampaignProcess.RESULT_APPLICATIONS)).isEqualTo(0L);
    assertThat(variable(process, PromotionCampaignProcess.RESULT_BENEFIT_COST)).isEqualTo("0.00");
    assertThat(campaign(code).getStatus()).isEqualTo(CampaignStatus.CLOSED);
    assertThat(campaign(code).isRunningOn(TODAY.plusDays(27))).isFalse();

    complete(task(process), "marketer", Map.of("resultsConclusion", "DISCONTINUE", "resultsComment", "No uptake."));
    assertThat(process).hasPassed("EndEvent_CampaignClosed").isEnded();
    assertThat(campaign(code).getResultsConclusion()).isEqualTo("DISCONTINUE");
    assertThat(campaign(code).getResultsReviewedBy()).isEqualTo("marketer");
  }

  @Test
  void complianceRejectsWithAComment() {
    String code = code();
    ProcessInstance process = start(form(code));

    assertThatThrownBy(() -> complete(task(process), "auditor", Map.of("complianceDecision", "REJECT")))
        .hasMessageContaining("complianceComment");
    complete(task(process), "auditor", Map.of("complianceDecision", "REJECT",
        "complianceComment", "The disclosure hides the fee."));

    assertThat(process).hasPassed("Task_RejectCampaign", "EndEvent_Rejected").hasNotPassed("Task_ApproveCampaign")
        .isEnded();
    PromotionCampaign rejected = campaign(code);
    assertThat(rejected.getStatus()).isEqualTo(CampaignStatus.REJECTED);
    assertThat(rejected.getReviewComment()).isEqualTo("The disclosure hides the fee.");
  }

  @Test
  void aFailedCheckGoesBackToMarketingWhoRevisesAndResubmits() {
    String code = code();
    Map<String, Object> form = form(code);
    form.put("benefitDisclosure", "Half a percent off!");
    ProcessInstance process = start(form);

    assertThat(process).isWaitingAt("Task_ReviseCampaign");
    assertThat(task(process)).hasCandidateGroup("marketing");
    assertThat((String) variable(process, PromotionCampaignProcess.CHECK_FINDINGS))
        .startsWith("C_RATE_NOT_DISCLOSED: ");
    assertThat(campaign(code).getStatus()).isEqualTo(CampaignStatus.DRAFT);

    assertThatThrownBy(() -> complete(task(process), "marketer", Map.of("revisionDecision", "LATER")))
        .hasMessageContaining("RESUBMIT or WITHDRAW");
    complete(task(process), "marketer", Map.of("revisionDecision", "RESUBMIT", "benefitDisclosure", DISCLOSURE));
    runJobs(process);

    assertThat(process).isWaitingAt("Task_ReviewCampaign");
    assertThat(campaign(code).getCheckRuns()).isEqualTo(2);
    assertThat(campaign(code).getBenefitDisclosure()).isEqualTo(DISCLOSURE);
  }

  @Test
  void checksFailingTooOftenRejectTheCampaign() {
    String code = code();
    Map<String, Object> form = form(code);
    form.put("budget", 0L);
    ProcessInstance process = start(form);
    for (int run = 1; run <= 3; run++) {
      assertThat(process).isWaitingAt("Task_ReviseCampaign");
      complete(task(process), "marketer", Map.of("revisionDecision", "RESUBMIT"));
      runJobs(process);
    }
    assertThat(process).hasPassed("Task_RejectCampaign", "EndEvent_Rejected").hasNotPassed("Task_ReviewCampaign")
        .isEnded();
    assertThat(campaign(code).getStatus()).isEqualTo(CampaignStatus.REJECTED);
    assertThat(campaign(code).getCheckRuns()).isEqualTo(4);
  }

  @Test
  void unusableInputGoesBackToMarketingWhoMayWithdraw() {
    String taken = code();
    start(form(taken));
    Map<String, Object> form = form(taken); // the same code again, and no budget
    form.remove("budget");
    ProcessInstance process = start(form);

    assertThat(process).hasPassed("Event_InputInvalid").hasNotPassed("Task_CheckCampaign")
        .isWaitingAt("Task_ReviseCampaign");
    assertThat((String) variable(process, PromotionCampaignProcess.CHECK_FINDINGS)).contains("budget: required");
    assertThat(variable(process, PromotionCampaignProcess.CAMPAIGN_ID)).isNull();

    complete(task(process), "marketer", Map.of("revisionDecision", "RESUBMIT", "budget", 5000L));
    runJobs(process);
    assertThat((String) variable(process, PromotionCampaignProcess.CHECK_FINDINGS))
        .contains("is the code of another campaign");

    complete(task(process), "marketer", Map.of("revisionDecision", "WITHDRAW"));
    assertThat(process).hasPassed("Task_WithdrawCampaign", "EndEvent_Withdrawn").isEnded();
    assertThat(campaign(taken).getProcessInstanceId()).isNotEqualTo(process.getId());
  }

  @Test
  void eachAutomaticCheckCanFail() {
    Map<String, Object> declined = with("targetGrades", "B,E");
    declined.put("benefitDisclosure", "Annual rate from 8.40% to 8.70%");
    assertThat(findings(declined)).containsExactly("C_DECLINED_GRADE");
    assertThat(findings(with("benefitDisclosure", "Annual rate from 6.00%"))).containsExactly("C_RATE_NOT_DISCLOSED");
    assertThat(findings(with("startDate", TODAY.minusDays(1).toString()))).containsExactly("C_START_IN_PAST");
    assertThat(findings(with("endDate", TODAY.toString()))).containsExactly("C_END_BEFORE_START");
    assertThat(findings(with("endDate", TODAY.plusDays(1).plusDays(183).toString()))).containsExactly("C_TOO_LONG");
    assertThat(findings(with("budget", 0L))).containsExactly("C_NO_BUDGET");
    assertThat(findings(with("budget", 6_000_000L))).containsExactly("C_BUDGET_TOO_HIGH");
    assertThat(findings(with("rateDiscountBps", 0L))).contains("C_NO_BENEFIT");
    Map<String, Object> generous = with("rateDiscountBps", 250L);
    generous.put("interestFreeMonths", 9L);
    generous.put("cashbackAmount", 800L);
    assertThat(findings(generous)).contains("C_RATE_DISCOUNT_TOO_HIGH", "C_INTEREST_FREE_TOO_LONG",
        "C_CASHBACK_TOO_HIGH");
    // no grade targeted: every grade the lender offers credit to, A to D (E is declined)
    Map<String, Object> allGrades = with("targetGrades", null);
    allGrades.put("benefitDisclosure", "Annual rate from 6.00% to 17.40%");
    assertThat(findings(allGrades)).isEmpty();
  }

  // ------------------------------------------------------------------ origination

  @Test
  void aRunningCampaignsBenefitIsOfferedToMatchingApplicationsOnlyAndItsCostBookedAtDisbursement() {
    String code = code();
    Map<String, Object> form = form(code);
    form.put("targetChannel", "MOBILE_APP");
    ProcessInstance process = approved(form);

    LoanApplication matching = offered(Channel.MOBILE_APP, null);
    LoanApplication otherChannel = offered(Channel.WEB, null);

    assertThat(matching.getOfferPromotions()).extracting(Promotion::code).containsExactlyInAnyOrder("APP-RATE", code);
    assertThat(matching.getOfferPromotions()).filteredOn(p -> p.code().equals(code)).singleElement()
        .satisfies(p -> assertThat(p.description()).isEqualTo(DISCLOSURE));
    // grade A, income below 20,000: 6.80% - 0.25% (app) - 0.50% (campaign)
    assertThat(matching.getOfferAnnualRate()).isEqualByComparingTo("0.0605");
    assertThat(otherChannel.getOfferPromotions()).extracting(Promotion::code).doesNotContain(code);
    assertThat(otherChannel.getOfferAnnualRate()).isEqualByComparingTo("0.0680");

    LoanApplication disbursed = disburse(matching);
    PromotionCampaign campaign = campaign(code);
    // 0.50% x 50,000 x 24 months / 12 / 2
    assertThat(campaign.getSpent()).isEqualByComparingTo("250.00");
    assertThat(jdbc.queryForMap("SELECT loan_number, principal, benefit_cost FROM cf_campaign_benefit"
        + " WHERE application_id = ?", disbursed.getId()))
        .containsEntry("LOAN_NUMBER", disbursed.getLoanNumber());
    disburse(otherChannel);
    assertThat(campaign(code).getSpent()).isEqualByComparingTo("250.00");
    assertThat(process).isWaitingAt("Gateway_Running");

    CampaignResults results = campaigns.liveResults(campaign(code));
    assertThat(results).isEqualTo(new CampaignResults(1, 1, 1, new BigDecimal("50000.00"), new BigDecimal("250.00"),
        0, new BigDecimal("0.00")));
  }

  @Test
  void aPartnerMerchantCampaignNeedsItsCodeAndClosesWhenItsBudgetIsSpent() {
    String code = code();
    Map<String, Object> form = form(code);
    form.put("targetPartnerMerchant", "Golden Furniture");
    form.put("rateDiscountBps", 0L);
    form.put("cashbackAmount", 200L);
    form.put("budget", 300L);
    form.put("benefitDisclosure", "CNY 200 cash back; annual rate from 6.50% to 9.20%.");
    ProcessInstance process = approved(form);

    LoanApplication withoutCode = offered(Channel.PARTNER, null);
    assertThat(withoutCode.getOfferPromotions()).extracting(Promotion::code).doesNotContain(code);
    LoanApplication first = offered(Channel.PARTNER, code);
    LoanApplication second = offered(Channel.WEB, code);
    assertThat(first.getOfferPromotions()).filteredOn(p -> p.code().equals(code)).singleElement()
        .satisfies(p -> assertThat(p.couponCode()).isEqualTo(code + "-CASHBACK-200"));
    assertThat(second.getOfferPromotions()).extracting(Promotion::code).contains(code);

    disburse(first);
    assertThat(campaign(code).getSpent()).isEqualByComparingTo("200.00");
    assertThat(process).isWaitingAt("Gateway_Running");
    disburse(second); // offered before the budget ran out: honoured, and the budget is now spent
    assertThat(campaign(code).getSpent()).isEqualByComparingTo("400.00");
    assertThat(process).hasPassed("Event_BudgetExhausted").isWaitingAt("Task_CloseCampaign");
    assertThat(offered(Channel.PARTNER, code).getOfferPromotions()).extracting(Promotion::code).doesNotContain(code);

    runJobs(process);
    assertThat(process).hasPassed("Task_CloseCampaign", "Task_CompileResults").hasNotPassed("Event_EndDateReached")
        .isWaitingAt("Task_ReviewResults");
    assertThat(variable(process, PromotionCampaignProcess.CLOSED_REASON)).isEqualTo("BUDGET_SPENT");
    // applications: 2 quoted the code (the third was offered after close and also quoted it), 1 without the code
    assertThat(variable(process, PromotionCampaignProcess.RESULT_APPROVALS)).isEqualTo(2L);
    assertThat(variable(process, PromotionCampaignProcess.RESULT_APPLICATIONS)).isEqualTo(3L);
    assertThat(variable(process, PromotionCampaignProcess.RESULT_DISBURSED_LOANS)).isEqualTo(2L);
    assertThat(variable(process, PromotionCampaignProcess.RESULT_DISBURSED_AMOUNT)).isEqualTo("100000.00");
    assertThat(variable(process, PromotionCampaignProcess.RESULT_BENEFIT_COST)).isEqualTo("400.00");
    assertThat(variable(process, PromotionCampaignProcess.RESULT_DELINQUENCY_RATE)).isEqualTo("0.00%");
    PromotionCampaign closed = campaign(code);
    assertThat(closed.getStatus()).isEqualTo(CampaignStatus.CLOSED);
    assertThat(closed.getClosedReason()).isEqualTo("BUDGET_SPENT");
    assertThat(closed.getResultBenefitCost()).isEqualByComparingTo("400.00");
  }

  // ------------------------------------------------------------------ API

  @Test
  void theApiShowsCampaignsToMarketingComplianceAndRiskOnly() throws Exception {
    String code = code();
    approved(form(code));
    Http http = new Http(port);

    assertThat(http.get("/api/campaigns").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/campaigns/" + code).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/campaigns", "channel", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/campaigns/" + code, "officer", "demo").statusCode()).isEqualTo(403);

    for (String user : List.of("marketer", "auditor", "risk", "demo")) {
      HttpResponse<String> list = http.get("/api/campaigns", user, "demo");
      assertThat(list.statusCode()).as(user).isEqualTo(200);
      assertThat(json.readTree(list.body()).findValuesAsText("code")).as(user).contains(code);
    }
    JsonNode one = json.readTree(http.get("/api/campaigns/" + code, "marketer", "demo").body());
    assertThat(one.path("status").asText()).isEqualTo("APPROVED");
    assertThat(one.path("running").asBoolean()).isTrue();
    assertThat(one.path("segment").path("grades").toString()).isEqualTo("[\"A\",\"B\"]");
    assertThat(one.path("benefit").path("rateDiscountBps").asInt()).isEqualTo(50);
    assertThat(one.path("budget").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(one.path("budgetRemaining").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(one.path("review").path("reviewedBy").asText()).isEqualTo("auditor");
    assertThat(one.path("review").path("disclosedRates").asText()).isEqualTo("A 6.00%-6.30%; B 8.40%-8.70%");
    assertThat(one.path("results").path("applications").asLong()).isZero();

    JsonNode approvedOnly = json.readTree(http.get("/api/campaigns?status=APPROVED", "auditor", "demo").body());
    assertThat(approvedOnly.findValuesAsText("status")).containsOnly("APPROVED");
    HttpResponse<String> badStatus = http.get("/api/campaigns?status=RUNNING", "auditor", "demo");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("status");
    HttpResponse<String> unknown = http.get("/api/campaigns/NO-SUCH-CAMPAIGN", "risk", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  // ------------------------------------------------------------------ helpers

  static void today(LocalDate date) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant()));
  }

  static String code() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  }

  /** A campaign that passes every check: grades A and B, 50 bps off, budget 10,000, from tomorrow for 4 weeks. */
  static Map<String, Object> form(String code) {
    Map<String, Object> form = new HashMap<>();
    form.put("campaignName", "Spring in the app");
    form.put("campaignCode", code);
    form.put("targetChannel", "ANY");
    form.put("targetGrades", "A,B");
    form.put("rateDiscountBps", 50L);
    form.put("interestFreeMonths", 0L);
    form.put("cashbackAmount", 0L);
    form.put("budget", 10000L);
    form.put("startDate", TODAY.plusDays(1).toString());
    form.put("endDate", TODAY.plusDays(27).toString());
    form.put("benefitDisclosure", DISCLOSURE);
    return form;
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> form = form(code());
    form.put(field, value);
    return form;
  }

  private ProcessInstance start(Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PromotionCampaignProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    ProcessInstance process;
    engine.getIdentityService().setAuthentication("marketer", List.of("marketing"));
    try {
      process = engine.getFormService().submitStartForm(definitionId, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(process).isWaitingAt("Task_RegisterCampaign");
    runJobs(process);
    return process;
  }

  /** Starts a campaign, approves it and moves to its start date. */
  private ProcessInstance approved(Map<String, Object> form) {
    ProcessInstance process = start(form);
    complete(task(process), "auditor", Map.of("complianceDecision", "APPROVE"));
    assertThat(process).isWaitingAt("Gateway_Running");
    today(TODAY.plusDays(1));
    return process;
  }

  private List<String> findings(Map<String, Object> form) {
    ProcessInstance process = start(form);
    String findings = (String) variable(process, PromotionCampaignProcess.CHECK_FINDINGS);
    if ("none".equals(findings)) {
      assertThat(process).isWaitingAt("Task_ReviewCampaign");
      return List.of();
    }
    assertThat(process).isWaitingAt("Task_ReviseCampaign");
    return List.of(findings.split("\n")).stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
  }

  /** A prime applicant (grade A, income 18,000) asking 50,000 over 24 months, offered automatically. */
  private LoanApplication offered(Channel channel, String campaignCode) {
    String nationalId = "SANDBOX-PRIME-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
        .toUpperCase();
    LoanApplication application = applications.submit(new ApplicationService.NewApplication(
        "CMP-" + UUID.randomUUID(), channel, campaignCode,
        new ApplicationService.Applicant(nationalId, "Li Wei", LocalDate.of(1990, 4, 12), "+8613800138000",
            "li.wei@example.com", new BigDecimal("18000.00"), 48, new BigDecimal("1500.00"), 1, "zh-CN"),
        new BigDecimal("50000.00"), 24, LoanPurpose.HOME_RENOVATION), "test").application();
    runJobs(application.getProcessInstanceId());
    LoanApplication offered = applications.get(application.getId());
    assertThat(offered.getStatus()).isEqualTo(ApplicationStatus.OFFERED);
    assertThat(offered.getRiskGrade()).isEqualTo("A");
    return offered;
  }

  private LoanApplication disburse(LoanApplication application) {
    applications.answerOffer(application.getId(), true, "channel");
    runJobs(application.getProcessInstanceId());
    LoanApplication disbursed = applications.get(application.getId());
    assertThat(disbursed.getStatus()).isEqualTo(ApplicationStatus.DISBURSED);
    return disbursed;
  }

  private PromotionCampaign campaign(String code) {
    return campaigns.find(code).orElseThrow();
  }

  private Object variable(ProcessInstance process, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName(name).singleResult() == null ? null
        : engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
            .variableName(name).singleResult().getValue();
  }

  private Task task(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getTaskService().setAssignee(task.getId(), user);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } catch (RuntimeException e) {
      engine.getTaskService().setAssignee(task.getId(), null);
      throw e;
    }
  }

  private void runJobs(ProcessInstance process) {
    runJobs(process.getId());
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
