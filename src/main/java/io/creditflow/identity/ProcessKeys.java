package io.creditflow.identity;

/**
 * Process definition keys the access policy grants on. A key may be granted before its model is deployed;
 * the grant takes effect when it is.
 */
public final class ProcessKeys {

  public static final String LOAN_ORIGINATION = "loanOrigination";
  public static final String CLOSE_OF_BUSINESS = "closeOfBusiness";
  public static final String CREDIT_LIMIT_REVIEW = "creditLimitReview";
  public static final String FUND_USAGE_INVESTIGATION = "fundUsageInvestigation";
  public static final String HARDSHIP_ASSESSMENT = "hardshipAssessment";
  public static final String COLLECTION = "collection";
  public static final String LEGAL_HANDOVER = "legalHandover";
  public static final String COMPLAINT_RESOLUTION = "complaintResolution";
  public static final String EARLY_WARNING_REVIEW = "earlyWarningReview";
  public static final String PORTFOLIO_EARLY_WARNING = "portfolioEarlyWarning";
  public static final String POST_LOAN_INSPECTION = "postLoanInspection";
  public static final String PROMOTION_CAMPAIGN = "promotionCampaign";
  public static final String NOTIFICATION_FAILURE = "notificationFailure";

  private ProcessKeys() {}
}
