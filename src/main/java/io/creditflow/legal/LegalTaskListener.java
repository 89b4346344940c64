package io.creditflow.legal;

import io.creditflow.common.engine.TaskActors;
import io.creditflow.servicing.Loan;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The legal process's user tasks. On create: the case summary and the case-file link for the form (task-local). On
 * assignment of the write-off approval: its proposer cannot take it. On complete: validates and records what the
 * form holds (a {@link LegalRuleViolation} keeps the task open) and sets the variables the gateways read.
 */
@Component
class LegalTaskListener implements TaskListener {

  private final LegalService legal;

  LegalTaskListener(LegalService legal) {
    this.legal = legal;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = (String) task.getVariable(LegalProcess.CASE_ID);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> describe(task, caseId);
      case EVENTNAME_ASSIGNMENT -> {
        if (LegalProcess.TASK_APPROVE_WRITE_OFF.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
          legal.checkApprover(caseId, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, caseId);
      default -> { }
    }
  }

  private void describe(DelegateTask task, String caseId) {
    LegalCase c = legal.get(caseId);
    Loan loan = legal.loan(c);
    task.setVariableLocal(LegalProcess.CASE_SUMMARY, "Loan " + c.getLoanNumber() + ": " + loan.getStatus()
        + ", balance " + loan.getBalance().toPlainString() + " " + loan.getCurrency() + ", " + loan.getDaysPastDue()
        + " days past due; case " + c.getStatus()
        + (c.getWriteOffProposedBy() == null ? "" : ", write-off proposed by " + c.getWriteOffProposedBy()));
    task.setVariableLocal(LegalProcess.CASE_FILE_LINK, "/api/legal-cases/" + c.getId() + "/case-file");
  }

  private void complete(DelegateTask task, String caseId) {
    String user = actingUser(task);
    Map<String, Object> variables = switch (task.getTaskDefinitionKey()) {
      case LegalProcess.TASK_REVIEW -> legal.review(caseId, user, string(task, LegalProcess.DECISION),
          string(task, LegalProcess.DECISION_REASON), number(task, LegalProcess.SETTLEMENT_AMOUNT),
          string(task, LegalProcess.SETTLEMENT_DEADLINE));
      case LegalProcess.TASK_FILE_LAWSUIT -> Map.of(LegalProcess.HEARING_AT, legal.filed(caseId, user,
          string(task, LegalProcess.COURT), string(task, LegalProcess.COURT_CASE_NUMBER),
          number(task, LegalProcess.FILING_COSTS), string(task, LegalProcess.HEARING_DATE)));
      case LegalProcess.TASK_RECORD_JUDGMENT -> {
        legal.judged(caseId, user, string(task, LegalProcess.JUDGMENT), number(task, LegalProcess.AWARDED_AMOUNT));
        yield "LOST".equals(task.getVariable(LegalProcess.JUDGMENT))
            ? Map.of(LegalProcess.WRITE_OFF_PROPOSED_BY, user) : Map.of();
      }
      case LegalProcess.TASK_ENFORCE -> {
        legal.enforced(caseId, user, string(task, LegalProcess.ENFORCEMENT_OUTCOME),
            string(task, LegalProcess.ENFORCEMENT_NOTE), number(task, LegalProcess.ENFORCEMENT_COST));
        yield "UNRECOVERABLE".equals(task.getVariable(LegalProcess.ENFORCEMENT_OUTCOME))
            ? Map.of(LegalProcess.WRITE_OFF_PROPOSED_BY, user) : Map.of();
      }
      case LegalProcess.TASK_APPROVE_WRITE_OFF -> legal.writeOffDecided(caseId, user,
          (Boolean) task.getVariable(LegalProcess.WRITE_OFF_APPROVED), string(task, LegalProcess.WRITE_OFF_COMMENT));
      default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
    };
    variables.forEach((name, value) -> task.getExecution().setVariable(name, value));
  }

  private static String string(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value != null && !(value instanceof String)) {
      throw new LegalRuleViolation(name + " must be text.");
    }
    return (String) value;
  }

  private static Number number(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value != null && !(value instanceof Number)) {
      throw new LegalRuleViolation(name + " must be a number.");
    }
    return (Number) value;
  }

  /** The person completing the task: its assignee, else the authenticated user. */
  private static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new LegalRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
