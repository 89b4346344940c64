package io.creditflow.monitoring;

import io.creditflow.identity.ProcessKeys;

/**
 * The {@code fundUsageInvestigation} process (processes/fund-usage-investigation.bpmn), business key = report
 * reference: a risk manager investigates a PROHIBITED or SUSPICIOUS use of loan funds and clears it, freezes the
 * credit line or recalls the loan; the customer is told of a freeze or a recall.
 */
public final class FundUsageInvestigation {

  public static final String PROCESS_KEY = ProcessKeys.FUND_USAGE_INVESTIGATION;

  /** Variables set at start: ids and decision outputs only. */
  public static final String LOAN_NUMBER = "loanNumber";
  public static final String REPORT_ID = "reportId";
  public static final String CLASSIFICATION = "classification";
  public static final String REASON_CODE = "reasonCode";
  /** Shown on the task form; the amount as a plain decimal string, the category as its code. */
  public static final String MERCHANT_CATEGORY = "merchantCategory";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";

  /** What the risk manager records on the task. */
  public static final String OUTCOME = "investigationOutcome";
  public static final String COMMENT = "investigationComment";
  /** Set when the task is completed: the user who decided (the actor of the ledger action). */
  public static final String INVESTIGATED_BY = "investigatedBy";

  /** The outcomes of {@code Task_InvestigateFundUsage}. */
  public enum Outcome { CLEAR, FREEZE_LINE, RECALL_LOAN }

  /** Notification types of the customer notices. */
  public static final String LINE_FROZEN_NOTICE = "FUND_USAGE_LINE_FROZEN";
  public static final String LOAN_RECALLED_NOTICE = "LOAN_RECALLED";

  private FundUsageInvestigation() {}
}
