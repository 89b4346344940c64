package io.creditflow.campaign;

/**
 * Where a campaign stands. Origination honours only APPROVED campaigns, and only from the start to the end date while
 * budget remains.
 */
public enum CampaignStatus {
  /** Registered; the automatic checks run or failed and marketing revises it. */
  DRAFT,
  /** Passed the automatic checks; waiting for compliance. */
  IN_REVIEW,
  /** Approved by compliance: running from the start to the end date while budget remains. */
  APPROVED,
  /** Rejected by compliance, or automatically after too many failed revisions. */
  REJECTED,
  /** Withdrawn by marketing while revising. */
  WITHDRAWN,
  /** Closed at the end date or when the budget was spent; results reported. */
  CLOSED
}
