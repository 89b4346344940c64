package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckCampaign: the automatic checks; {@code checkOutcome} PASS, RETURN or REJECT steers Gateway_Checks. */
@Component
class CheckCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  CheckCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CampaignService.Checked checked = campaigns.check((String) execution.getVariable(CAMPAIGN_ID));
    execution.setVariable(PromotionCampaignProcess.CHECK_OUTCOME, checked.outcome().name());
    execution.setVariable(PromotionCampaignProcess.CHECK_FINDINGS,
        checked.findings().isEmpty() ? "none" : String.join("\n", checked.findings()));
    execution.setVariable(PromotionCampaignProcess.DISCLOSED_RATES, checked.disclosedRates());
    execution.setVariable(PromotionCampaignProcess.SEGMENT_SUMMARY, checked.segmentSummary());
    execution.setVariable(PromotionCampaignProcess.BENEFIT_SUMMARY, checked.benefitSummary());
  }
}
