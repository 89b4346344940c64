package io.creditflow.portfolio;

import io.creditflow.common.web.ConflictException;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Manual start of {@code portfolioEarlyWarning} for today (message start, business key = the date). */
@Service
public class PortfolioStartService {

  private static final Logger log = LoggerFactory.getLogger(PortfolioStartService.class);

  /** The instance started and the date its snapshot is for. */
  public record Started(LocalDate snapshotDate, String processInstanceId) {}

  private final RuntimeService runtime;
  private final PortfolioSnapshotService snapshots;

  PortfolioStartService(RuntimeService runtime, PortfolioSnapshotService snapshots) {
    this.runtime = runtime;
    this.snapshots = snapshots;
  }

  /**
   * Starts the snapshot of today (engine clock, business zone) as {@code user}.
   *
   * @throws ConflictException today has a snapshot already, or an instance for today is running
   */
  public Started start(String user) {
    LocalDate today = snapshots.today();
    snapshots.findByDate(today).ifPresent(existing -> {
      throw new ConflictException("The portfolio snapshot of " + today + " exists already (" + existing.id() + ").");
    });
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(PortfolioEarlyWarning.PROCESS_KEY)
        .processInstanceBusinessKey(today.toString()).count();
    if (running > 0) {
      throw new ConflictException("The portfolio snapshot of " + today + " is being computed or reviewed.");
    }
    ProcessInstance instance = runtime.startProcessInstanceByMessage(PortfolioEarlyWarning.START_MESSAGE,
        today.toString(), Map.of(PortfolioEarlyWarning.SNAPSHOT_DATE, today.toString(),
            PortfolioEarlyWarning.TRIGGERED_BY, user));
    log.info("Portfolio snapshot of {} requested by {}: instance {}", today, user, instance.getId());
    return new Started(today, instance.getId());
  }
}
