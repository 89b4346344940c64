package io.creditflow.common.engine;

import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Engine settings the starter has no property for. */
@Component
class EngineDefaults extends AbstractCamundaConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    // Redeploy only models that changed since the last deployment, so a restart does not create new versions.
    configuration.setDeployChangedOnly(true);
  }

  @Override
  public void postInit(SpringProcessEngineConfiguration configuration) {
    // After init: the id generator exists, and this replaces the default factory of the same session type.
    configuration.getSessionFactories().put(DbEntityManager.class,
        new LazyIdCheckEntityManagerFactory(configuration.getIdGenerator()));
  }
}
