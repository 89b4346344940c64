package io.creditflow.cob;

/**
 * The steps of a close of business, in order, with the BPMN task that runs each. Steps 5 (periodic review) and 6
 * (early-warning signals) are added here, as a {@link ChunkStep} bean and a looping task in the model, when they land.
 */
public enum CobStepName {
  CLOSE_LOANS("Task_CloseLoans"),
  SEND_PRE_DUE_REMINDERS("Task_SendPreDueReminders"),
  START_COLLECTIONS("Task_StartCollections"),
  SEND_SETTLEMENT_NOTICES("Task_SendSettlementNotices");

  private final String taskId;

  CobStepName(String taskId) {
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
