package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WithdrawCampaign: marketing withdrew the proposal while revising it. */
@Component
class WithdrawCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  WithdrawCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.withdraw((String) execution.getVariable(CAMPAIGN_ID));
  }
}
