package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApproveCampaign: the campaign runs; {@code campaignClosesAt} (day after the end date) drives the timer. */
@Component
class ApproveCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  ApproveCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PromotionCampaignProcess.CLOSES_AT,
        campaigns.approve((String) execution.getVariable(CAMPAIGN_ID)));
  }
}
