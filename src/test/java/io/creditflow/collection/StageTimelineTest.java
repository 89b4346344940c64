package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.CreditFlowWebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CreditFlowWebTest
class StageTimelineTest {

  @Autowired
  StageTimeline timeline;

  @Autowired
  ProcessEngine engine;

  @Test
  void answersAsTheEnginesDecisionForEveryStrategyAndDayWithoutWritingDecisionHistory() {
    for (CollectionStrategy strategy : CollectionStrategy.values()) {
      for (int dpd = 0; dpd <= 200; dpd++) {
        long history = stageDecisionsInHistory();
        StageTimeline.Row row = timeline.latest().row(strategy, dpd);
        assertThat(stageDecisionsInHistory()).as("history rows written by the timeline").isEqualTo(history);
        DmnDecisionRuleResult expected = engineDecision(strategy, dpd);
        assertThat(row.stage().name()).as("%s at %d", strategy, dpd).isEqualTo(expected.getEntry("stage"));
        Object next = expected.getEntry("nextStageDpd");
        assertThat(row.nextStageDpd()).as("%s at %d", strategy, dpd)
            .isEqualTo(next == null ? null : ((Number) next).intValue());
      }
    }
  }

  @Test
  void aNewVersionOfTheTableTakesEffectWithTheNextLookUp() throws Exception {
    assertThat(timeline.latest().row(CollectionStrategy.GENTLE, 3).stage()).isEqualTo(CollectionStage.SMS_REMINDER);
    int kept = timeline.kept();
    assertThat(timeline.latest().row(CollectionStrategy.GENTLE, 3).stage()).isEqualTo(CollectionStage.SMS_REMINDER);
    assertThat(timeline.kept()).as("a second look-up is answered from the memo").isEqualTo(kept);

    String xml = Files.readString(Path.of("processes/collection/collection-stages.dmn"));
    String marker = "<text>\"SMS_REMINDER\"</text>";
    int first = xml.indexOf(marker);
    assertThat(first).isPositive();
    String changed = xml.substring(0, first) + "<text>\"EMAIL_REMINDER\"</text>"
        + xml.substring(first + marker.length());
    Deployment deployment = engine.getRepositoryService().createDeployment().name("analyst's change")
        .addString("collection-stages.dmn", changed).deploy();
    try {
      assertThat((Object) engineDecision(CollectionStrategy.GENTLE, 3).getEntry("stage")).isEqualTo("EMAIL_REMINDER");
      assertThat(timeline.latest().row(CollectionStrategy.GENTLE, 3).stage()).isEqualTo(CollectionStage.EMAIL_REMINDER);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
    assertThat(timeline.latest().row(CollectionStrategy.GENTLE, 3).stage()).isEqualTo(CollectionStage.SMS_REMINDER);
  }

  private DmnDecisionRuleResult engineDecision(CollectionStrategy strategy, int dpd) {
    return engine.getDecisionService().evaluateDecisionTableByKey(CollectionService.DECISION_STAGE,
        Variables.createVariables().putValue("strategy", strategy.name()).putValue("daysPastDue", dpd))
        .getSingleResult();
  }

  private long stageDecisionsInHistory() {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(CollectionService.DECISION_STAGE).count();
  }
}
