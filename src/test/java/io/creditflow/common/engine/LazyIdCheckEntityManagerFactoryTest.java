package io.creditflow.common.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.common.engine.LazyIdCheckEntityManagerFactory.LazyIdCheckEntityManager;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine inserts through {@link LazyIdCheckEntityManager}: a good id is accepted without rendering the entity, a bad
 * one refused with Camunda's own message.
 */
@SpringBootTest(properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.generate-unique-process-application-name=true"})
@ActiveProfiles("test")
class LazyIdCheckEntityManagerFactoryTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void theEngineOpensOurEntityManagerInEveryCommand() {
    inCommand(manager -> assertThat(manager).isInstanceOf(LazyIdCheckEntityManager.class));
  }

  @Test
  void aGoodIdIsAcceptedWithoutRenderingTheEntity() {
    // Camunda's own check renders the entity first, and this one cannot be rendered
    inCommand(manager -> ((LazyIdCheckEntityManager) manager).validateId(new Row("7df0a378-e76d-11f1-baa1")));
  }

  @Test
  void aMissingOrReservedIdIsRefusedWithCamundasMessage() {
    inCommand(manager -> {
      LazyIdCheckEntityManager ours = (LazyIdCheckEntityManager) manager;
      assertThatThrownBy(() -> ours.validateId(new Row(null)))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("has an invalid id")
          .hasMessageContaining("id is null");
      assertThatThrownBy(() -> ours.validateId(new Row("*")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("has an invalid id")
          .hasMessageContaining("is a reserved identifier");
    });
  }

  private void inCommand(Consumer<DbEntityManager> check) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          check.accept(commandContext.getDbEntityManager());
          return null;
        });
  }

  /** An entity whose rendering fails unless its id is bad (then Camunda's message needs it). */
  private static final class Row implements DbEntity {

    private final String id;

    Row(String id) {
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      if (id != null && !"*".equals(id)) {
        throw new AssertionError("rendered an entity whose id is good");
      }
      return "Row[" + id + "]";
    }
  }
}
