package io.creditflow.collection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The collection timeline of the DMN {@code collectionStage} (processes/collection/collection-stages.dmn) read as what
 * it is, a pure function of strategy and days past due: the stage at {@code d} days past due and the days past due of
 * the next stage. Each (deployed version, strategy, days past due) is evaluated once, by the DMN engine, and kept.
 *
 * <p>Why not the engine's {@code DecisionService} on every plan: a plan looks the table up three or four times (the
 * stage now, then hop by hop to the next stage that raises it), each a full FEEL evaluation of every rule (about 3 ms)
 * and, with history level full, a decision instance with its inputs and outputs in history. The due-date wave
 * benchmark (issue 9) found this to be the largest single cost of a collection start; the look-ups are not decisions
 * about the customer (the case's own record, {@code cf_collection_action}, keeps each stage acted on).
 *
 * <p>A new version of the table deployed by an analyst takes effect with the next plan: entries are kept per decision
 * definition id, and the latest version is read once per plan ({@link #latest}: one query, from the deployment cache). The
 * evaluation uses a DMN engine of its own with the process engine's FEEL engine, without the history listener.
 */
@Component
class StageTimeline {

  /** The stage at some days past due and the days past due at which the next stage starts (null for the last). */
  record Row(CollectionStage stage, Integer nextStageDpd) {}

  /** Bounded: versions × strategies × days past due seen. Past this many the memo starts again. */
  static final int MAX_ENTRIES = 50_000;

  private record Key(String decisionDefinitionId, String strategy, int daysPastDue) {}

  private final Map<Key, Row> rows = new ConcurrentHashMap<>();
  private final CommandExecutor commands;
  private final DmnEngine dmn;

  StageTimeline(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    // not the process engine's DMN engine: that one writes every evaluation to history. The same FEEL engine.
    DefaultDmnEngineConfiguration plain =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    plain.setFeelEngineFactory(configuration.getDmnEngineConfiguration().getFeelEngineFactory());
    this.dmn = plain.buildEngine();
  }

  /** The latest deployed version of {@code collectionStage}, read once (one query) for the look-ups of one plan. */
  Table latest() {
    DecisionDefinition latest = commands.execute(context -> context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(CollectionService.DECISION_STAGE));
    return new Table(latest);
  }

  /** One deployed version of the table. */
  final class Table {
    private final DecisionDefinition version;

    private Table(DecisionDefinition version) {
      this.version = version;
    }

    /** The row of this version for {@code strategy} at {@code daysPastDue}. */
    Row row(CollectionStrategy strategy, int daysPastDue) {
      Key key = new Key(version.getId(), strategy.name(), daysPastDue);
      Row row = rows.get(key);
      if (row != null) {
        return row;
      }
      // the deployment cache's entity is the parsed decision
      row = evaluate((DmnDecision) version, strategy, daysPastDue);
      if (rows.size() >= MAX_ENTRIES) {
        rows.clear();
      }
      rows.put(key, row);
      return row;
    }
  }

  /** How many rows are kept (for tests). */
  int kept() {
    return rows.size();
  }

  private Row evaluate(DmnDecision decision, CollectionStrategy strategy, int daysPastDue) {
    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("strategy", strategy.name()).putValue("daysPastDue", daysPastDue)).getSingleResult();
    if (result == null) {
      throw new IllegalStateException(
          CollectionService.DECISION_STAGE + " has no rule for " + strategy + " at " + daysPastDue + " days");
    }
    Object next = result.getEntry("nextStageDpd");
    return new Row(CollectionStage.valueOf((String) result.getEntry("stage")),
        next == null ? null : ((Number) next).intValue());
  }
}
