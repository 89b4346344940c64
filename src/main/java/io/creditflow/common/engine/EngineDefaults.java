package io.creditflow.common.engine;

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
}
