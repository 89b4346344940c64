package io.creditflow.complaint;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Investigate. On create: what the form shows (the complaint, deadlines, loan and contact history) as
 * task-local variables. On complete: a resolution (outcome, remedies, refund amount, note, UK summary resolution) or
 * a request for the longer CN deadline, validated and recorded; a broken rule refuses the completion.
 */
@Component
class ComplaintInvestigationListener implements TaskListener {

  private final ComplaintService complaints;

  ComplaintInvestigationListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = (String) task.getVariable(ComplaintProcess.COMPLAINT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariablesLocal(complaints.investigationSummary(id));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String user = Actors.of(task);
    Object result = task.getVariable(ComplaintProcess.INVESTIGATION_RESULT);
    if (ComplaintProcess.REQUEST_EXTENSION.equals(result)) {
      complaints.requestExtension(id, user);
      return;
    }
    if (!ComplaintProcess.RESOLVE.equals(result)) {
      throw new ComplaintRuleViolation("Choose: resolve the complaint, or ask for an extension.");
    }
    complaints.resolve(id, resolution(task.getVariables()), user);
  }

  static ComplaintService.Resolution resolution(Map<String, Object> values) {
    ComplaintOutcome outcome;
    try {
      Object value = values.get(ComplaintProcess.OUTCOME);
      outcome = value == null ? null : ComplaintOutcome.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new ComplaintRuleViolation("Choose an outcome: UPHELD, PARTIALLY_UPHELD or REJECTED.");
    }
    Object amount = values.get(ComplaintProcess.REFUND_AMOUNT);
    BigDecimal refund;
    try {
      refund = amount == null || amount.toString().isBlank() ? null : new BigDecimal(amount.toString());
    } catch (NumberFormatException e) {
      throw new ComplaintRuleViolation("The refund amount is not a number.");
    }
    Object note = values.get(ComplaintProcess.RESOLUTION_NOTE);
    return new ComplaintService.Resolution(outcome, ComplaintService.remedies(values), refund,
        note == null || note.toString().isBlank() ? null : truncate(note.toString().strip()),
        Boolean.TRUE.equals(values.get(ComplaintProcess.SUMMARY_RESOLUTION)));
  }

  private static String truncate(String note) {
    return note.length() <= 2000 ? note : note.substring(0, 2000);
  }
}
