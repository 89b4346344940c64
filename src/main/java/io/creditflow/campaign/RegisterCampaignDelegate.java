package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterCampaign: stores marketing's terms (new or revised) and makes the code the business key. Unusable
 * input is the BPMN error {@value PromotionCampaignProcess#INVALID_INPUT}, its message listing the problems, which
 * sends the proposal back to marketing (Task_ReviseCampaign).
 */
@Component
class RegisterCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  RegisterCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      PromotionCampaign campaign = campaigns.register((String) execution.getVariable(CAMPAIGN_ID),
          execution.getProcessInstanceId(), execution.getVariables(),
          (String) execution.getVariable(PromotionCampaignProcess.STARTED_BY));
      execution.setVariable(CAMPAIGN_ID, campaign.getId());
      execution.setProcessBusinessKey(campaign.getCode());
    } catch (CampaignDraft.Invalid invalid) {
      throw new BpmnError(PromotionCampaignProcess.INVALID_INPUT, invalid.getMessage());
    }
  }
}
