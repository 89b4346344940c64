package io.creditflow.cob;

/**
 * The steps of a close of business, in order, with the BPMN task that runs each: a {@link ChunkStep} bean and a
 * looping task in the model per step. Steps 5 (periodic credit-line review) and 6 (early-warning signals) run after
 * the settlement notices.
 */
public enum CobStepName {
  CLOSE_LOANS("Task_CloseLoans"),
  SEND_PRE_DUE_REMINDERS("Task_SendPreDueReminders"),
  START_COLLECTIONS("Task_StartCollections"),
  SEND_SETTLEMENT_NOTICES("Task_SendSettlementNotices"),
  REVIEW_CREDIT_LINES("Task_ReviewCreditLines"),
  RAISE_EARLY_WARNINGS("Task_RaiseEarlyWarnings");

  private final String taskId;

  CobStepName(String taskId) {
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
