package io.creditflow.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Evaluates the DMN {@value #DECISION_KEY} ({@code processes/portfolio/portfolio-warning.dmn}) for every segment of a
 * snapshot and stores the breached lines. The thresholds live in the DMN; here only the inputs are prepared.
 */
@Service
public class PortfolioWarningService {

  static final String DECISION_KEY = "portfolioWarning";

  /** What the evaluation found: level NONE, WARNING or ALERT, the breaches and the distinct recommended actions. */
  public record Evaluation(String level, List<Breach> breaches, List<String> recommendedActions) {

    /** The breaches as lines of text for the risk manager's task. */
    public String summary() {
      return String.join("\n", breaches.stream().map(Breach::describe).toList());
    }
  }

  private final DecisionService decisions;
  private final PortfolioSnapshotService snapshots;

  PortfolioWarningService(ProcessEngine engine, PortfolioSnapshotService snapshots) {
    this.decisions = engine.getDecisionService();
    this.snapshots = snapshots;
  }

  /** Evaluates the warning lines of a stored snapshot and records the breaches on it. */
  public Evaluation evaluate(String snapshotId) {
    PortfolioSnapshotService.SnapshotDetails details = snapshots.get(snapshotId);
    BigDecimal previousRoll = details.snapshot().previousSnapshotId() == null ? null
        : snapshots.get(details.snapshot().previousSnapshotId()).total().rollCurrent();
    List<Breach> breaches = new ArrayList<>();
    for (Segment segment : details.segments()) {
      BigDecimal jump = segment.dimension().equals(Segment.TOTAL) && segment.rollCurrent() != null
          && previousRoll != null ? segment.rollCurrent().subtract(previousRoll) : null;
      DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_KEY).variables(Variables.createVariables()
          .putValue("dimension", segment.dimension())
          .putValue("segmentKey", segment.key())
          .putValue("loanCount", segment.loanCount())
          .putValue("overdueRatioBalance", segment.overdueRatioBalance().doubleValue())
          .putValue("overdueRatioCount", segment.overdueRatioCount().doubleValue())
          .putValue("rollRateJump", jump == null ? null : jump.doubleValue()))
          .evaluate();
      for (Map<String, Object> row : result.getResultList()) {
        String line = (String) row.get("line");
        BigDecimal measured = switch (line) {
          case "OVERDUE_RATIO_BALANCE" -> segment.overdueRatioBalance();
          case "OVERDUE_RATIO_COUNT" -> segment.overdueRatioCount();
          case "ROLL_RATE_JUMP" -> jump;
          default -> throw new IllegalStateException("DMN " + DECISION_KEY + " answered an unknown line " + line);
        };
        breaches.add(new Breach(segment.dimension(), segment.key(), line, (String) row.get("level"), measured,
            (String) row.get("recommendedAction")));
      }
    }
    String level = breaches.stream().anyMatch(b -> b.level().equals("ALERT")) ? "ALERT"
        : breaches.isEmpty() ? "NONE" : "WARNING";
    snapshots.recordBreaches(snapshotId, breaches, level);
    Set<String> actions = new LinkedHashSet<>();
    breaches.forEach(b -> actions.add(b.recommendedAction()));
    return new Evaluation(level, List.copyOf(breaches), List.copyOf(actions));
  }
}
