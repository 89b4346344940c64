package io.creditflow.collection;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewDispute, on complete: the finding must be DEBT_CONFIRMED or DEBT_CORRECTED; the reviewer is recorded as
 * {@code disputeReviewedBy}. Task_ReleaseDisputeHold then releases the hold.
 */
@Component
class DisputeReviewListener implements TaskListener {

  static final Set<String> FINDINGS = Set.of("DEBT_CONFIRMED", "DEBT_CORRECTED");

  @Override
  public void notify(DelegateTask task) {
    Object finding = task.getVariable(CollectionProcess.DISPUTE_OUTCOME);
    if (!(finding instanceof String value) || !FINDINGS.contains(value)) {
      throw new CollectionRuleViolation("disputeOutcome must be DEBT_CONFIRMED or DEBT_CORRECTED.");
    }
    task.getExecution().setVariable(CollectionProcess.DISPUTE_REVIEWED_BY,
        CollectionCallListener.actingUser(task));
  }
}
