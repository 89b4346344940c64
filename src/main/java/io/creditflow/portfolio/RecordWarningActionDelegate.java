package io.creditflow.portfolio;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordWarningAction: the risk manager's action and comment, recorded on the snapshot. */
@Component
class RecordWarningActionDelegate implements JavaDelegate {

  private final PortfolioSnapshotService snapshots;

  RecordWarningActionDelegate(PortfolioSnapshotService snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    snapshots.recordReview((String) execution.getVariable(PortfolioEarlyWarning.SNAPSHOT_ID),
        (String) execution.getVariable(PortfolioEarlyWarning.ACTION),
        (String) execution.getVariable(PortfolioEarlyWarning.COMMENT),
        (String) execution.getVariable(PortfolioEarlyWarning.REVIEWED_BY));
  }
}
