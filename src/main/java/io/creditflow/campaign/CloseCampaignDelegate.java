package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCampaign: no further offer carries the campaign; {@code closedReason} END_DATE or BUDGET_SPENT. */
@Component
class CloseCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  CloseCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PromotionCampaignProcess.CLOSED_REASON,
        campaigns.close((String) execution.getVariable(CAMPAIGN_ID)));
  }
}
