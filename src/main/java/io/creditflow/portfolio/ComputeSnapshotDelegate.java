package io.creditflow.portfolio;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_ComputeSnapshot (asynchronous): the snapshot of the date (today for the daily timer, which also sets the
 * business key). {@code newSnapshot} is false when the date has one already or the daily timer is switched off.
 */
@Component
class ComputeSnapshotDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ComputeSnapshotDelegate.class);

  private final PortfolioSnapshotService snapshots;
  private final PortfolioProperties properties;

  ComputeSnapshotDelegate(PortfolioSnapshotService snapshots, PortfolioProperties properties) {
    this.snapshots = snapshots;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String date = (String) execution.getVariable(PortfolioEarlyWarning.SNAPSHOT_DATE);
    String triggeredBy = (String) execution.getVariable(PortfolioEarlyWarning.TRIGGERED_BY);
    if (triggeredBy == null) {
      triggeredBy = PortfolioEarlyWarning.TIMER;
    }
    LocalDate snapshotDate = date == null ? snapshots.today() : LocalDate.parse(date);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(snapshotDate.toString());
    }
    execution.setVariable(PortfolioEarlyWarning.SNAPSHOT_DATE, snapshotDate.toString());
    execution.setVariable(PortfolioEarlyWarning.TRIGGERED_BY, triggeredBy);
    Optional<Snapshot> snapshot = Optional.empty();
    if (PortfolioEarlyWarning.TIMER.equals(triggeredBy) && !properties.dailyEnabled()) {
      log.info("Daily portfolio snapshot for {} skipped: creditflow.portfolio.daily-enabled is false", snapshotDate);
    } else {
      snapshot = snapshots.compute(snapshotDate, triggeredBy, execution.getProcessInstanceId());
      if (snapshot.isEmpty()) {
        log.info("Portfolio snapshot for {} exists already: nothing to do", snapshotDate);
      }
    }
    execution.setVariable(PortfolioEarlyWarning.NEW_SNAPSHOT, snapshot.isPresent());
    snapshot.ifPresent(s -> execution.setVariable(PortfolioEarlyWarning.SNAPSHOT_ID, s.id()));
  }
}
