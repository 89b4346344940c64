package io.creditflow.campaign;

import io.creditflow.identity.ProcessKeys;

/**
 * The {@code promotionCampaign} process (processes/promotion-campaign.bpmn), business key = campaign code: marketing
 * proposes a campaign from the Tasklist start form, automatic checks, compliance review, the campaign runs until its
 * end date or until its budget is spent, and marketing reviews the results.
 */
public final class PromotionCampaignProcess {

  public static final String PROCESS_KEY = ProcessKeys.PROMOTION_CAMPAIGN;
  /** Correlated (by process instance id) when a booked benefit cost uses up the budget. */
  public static final String BUDGET_EXHAUSTED = "CampaignBudgetExhausted";
  /** Thrown by Task_RegisterCampaign when the form input is unusable; Task_ReviseCampaign shows the message. */
  public static final String INVALID_INPUT = "CAMPAIGN_INVALID";

  /** Start form (and revision form) fields. */
  public static final String NAME = "campaignName";
  public static final String CODE = "campaignCode";
  public static final String CHANNEL = "targetChannel";
  public static final String AGE_FROM = "targetAgeFrom";
  public static final String AGE_TO = "targetAgeTo";
  public static final String GRADES = "targetGrades";
  public static final String PARTNER_MERCHANT = "targetPartnerMerchant";
  public static final String RATE_DISCOUNT_BPS = "rateDiscountBps";
  public static final String INTEREST_FREE_MONTHS = "interestFreeMonths";
  public static final String CASHBACK_AMOUNT = "cashbackAmount";
  public static final String BUDGET = "budget";
  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String DISCLOSURE = "benefitDisclosure";
  /** camunda:initiator of the start event. */
  public static final String STARTED_BY = "startedBy";

  /** Set by the process. */
  public static final String CAMPAIGN_ID = "campaignId";
  /** PASS, RETURN or REJECT ({@link CheckOutcome}). */
  public static final String CHECK_OUTCOME = "checkOutcome";
  /** The failed checks (or input errors) as text for marketing, one per line; "none" when all passed. */
  public static final String CHECK_FINDINGS = "checkFindings";
  public static final String DISCLOSED_RATES = "disclosedRates";
  public static final String SEGMENT_SUMMARY = "segmentSummary";
  public static final String BENEFIT_SUMMARY = "benefitSummary";
  public static final String CLOSES_AT = "campaignClosesAt";

  /** Task_ReviseCampaign: RESUBMIT or WITHDRAW. */
  public static final String REVISION_DECISION = "revisionDecision";
  /** Task_ReviewCampaign (compliance): APPROVE or REJECT, with a comment (required to reject). */
  public static final String COMPLIANCE_DECISION = "complianceDecision";
  public static final String COMPLIANCE_COMMENT = "complianceComment";
  /** Task_ReviewResults (marketing): REPEAT, ADJUST or DISCONTINUE, with an optional comment. */
  public static final String RESULTS_CONCLUSION = "resultsConclusion";
  public static final String RESULTS_COMMENT = "resultsComment";

  /** The results shown to marketing at close. */
  public static final String CLOSED_REASON = "closedReason";
  public static final String RESULT_APPLICATIONS = "resultApplications";
  public static final String RESULT_APPROVALS = "resultApprovals";
  public static final String RESULT_DISBURSED_LOANS = "resultDisbursedLoans";
  public static final String RESULT_DISBURSED_AMOUNT = "resultDisbursedAmount";
  public static final String RESULT_BENEFIT_COST = "resultBenefitCost";
  public static final String RESULT_DELINQUENT_LOANS = "resultDelinquentLoans";
  public static final String RESULT_DELINQUENCY_RATE = "resultDelinquencyRate";

  /** What the automatic checks lead to. */
  public enum CheckOutcome { PASS, RETURN, REJECT }

  private PromotionCampaignProcess() {}
}
