package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompileResults: the results report, stored on the campaign and shown in marketing's review. */
@Component
class CompileCampaignResultsDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  CompileCampaignResultsDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CampaignResults results = campaigns.compileResults((String) execution.getVariable(CAMPAIGN_ID));
    execution.setVariable(PromotionCampaignProcess.RESULT_APPLICATIONS, results.applications());
    execution.setVariable(PromotionCampaignProcess.RESULT_APPROVALS, results.approvals());
    execution.setVariable(PromotionCampaignProcess.RESULT_DISBURSED_LOANS, results.disbursedLoans());
    execution.setVariable(PromotionCampaignProcess.RESULT_DISBURSED_AMOUNT, results.disbursedAmount().toPlainString());
    execution.setVariable(PromotionCampaignProcess.RESULT_BENEFIT_COST, results.benefitCost().toPlainString());
    execution.setVariable(PromotionCampaignProcess.RESULT_DELINQUENT_LOANS, results.delinquentLoans());
    execution.setVariable(PromotionCampaignProcess.RESULT_DELINQUENCY_RATE,
        results.delinquencyRate().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%");
  }
}
