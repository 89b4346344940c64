package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RejectCampaign: rejected by compliance or by the automatic checks (too many failed revisions). */
@Component
class RejectCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  RejectCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.reject((String) execution.getVariable(CAMPAIGN_ID));
  }
}
